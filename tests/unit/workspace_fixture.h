// An in-memory workspace for unit tests: a config and a credentials file given as text (empty
// text: the file is missing), environment variables as if read from an --env-file named "env"
// (line numbers 1, 2, ...), an optional --profile and clock. Shared by the unit tests.
#pragma once

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lexer.h"
#include "model.h"

namespace awslint::test {

using Env = std::vector<std::pair<std::string, std::string>>;

inline std::unique_ptr<Workspace> make_workspace(const std::string& config, const std::string& credentials,
                                                 const Env& env = {},
                                                 std::optional<std::string> profile_flag = std::nullopt,
                                                 std::time_t now = 0) {
  auto ws = std::make_unique<Workspace>();
  ws->config.kind = FileKind::Config;
  ws->config.path = ws->config.display = "config";
  ws->credentials.kind = FileKind::Credentials;
  ws->credentials.path = ws->credentials.display = "credentials";
  if (!config.empty()) {
    ws->config.status = ReadStatus::Ok;
    ws->config.parsed = lex(config);
  }
  if (!credentials.empty()) {
    ws->credentials.status = ReadStatus::Ok;
    ws->credentials.parsed = lex(credentials);
  }
  std::uint32_t line = 0;
  for (const auto& [k, v] : env) ws->env.vars.push_back(EnvVar{k, v, ++line});
  ws->env.file = "env";
  ws->ctx.profile_flag = std::move(profile_flag);
  ws->ctx.now = now;
  ws->build();
  return ws;
}

}  // namespace awslint::test
