#include "cli.h"

int main(int argc, char** argv, char** envp) { return awslint::run(argc, argv, envp); }
