// The embedding API of the multilingual runtime: link multilingual::runtime
// (find_package(multilingual) in CMake) and include this header.
#pragma once
#include "multilingual/backend_selector.h"
#include "multilingual/config.h"
#include "multilingual/error.h"
#include "multilingual/program.h"
#include "multilingual/value.h"
