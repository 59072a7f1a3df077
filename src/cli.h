// The command line: options in a plain struct, subcommands in a plain table.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace awslint {

struct Options {
  std::string command = "check";  // check, dump, resolve, rules, explain
  std::vector<std::string> paths;
  std::optional<std::string> config, credentials, env_file, profile, now, expiry_window;
  bool no_env = false;
  std::string format;  // empty: the command's default
  std::optional<std::string> output;
  bool no_color = false;
  std::vector<std::string> enable, disable;
  std::optional<std::string> fail_level;
  std::optional<std::string> settings_file;  // --config-file
  bool no_settings = false;                  // --no-config
  bool show_secrets = false;                 // dump
  std::optional<unsigned> jobs;              // --jobs
  std::string explain_id;
};

// Runs awslint; returns the exit code. envp is the process environment.
int run(int argc, char** argv, char** envp);

}  // namespace awslint
