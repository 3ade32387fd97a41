#pragma once
namespace ml::cli {
// Parses the command line and runs the chosen subcommand; returns the process exit status.
int run_app(int argc, char** argv);
}
