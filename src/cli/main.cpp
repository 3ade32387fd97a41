// The `multilingual` command: a thin main over the cli library.
#include "cli/app.h"

int main(int argc, char** argv) { return ml::cli::run_app(argc, argv); }
