// The explicit list of every rule, sorted by id. A new rule adds its factory here.
#include "rule.h"

namespace awslint {

std::unique_ptr<Rule> make_duplicate_section();
std::unique_ptr<Rule> make_duplicate_key();
std::unique_ptr<Rule> make_missing_section_header();
std::unique_ptr<Rule> make_invalid_line();
std::unique_ptr<Rule> make_invalid_encoding();
std::unique_ptr<Rule> make_unreadable_file();
std::unique_ptr<Rule> make_invalid_env_line();
std::unique_ptr<Rule> make_unused_suppression();
std::unique_ptr<Rule> make_inline_comment();
std::unique_ptr<Rule> make_indented_continuation();
std::unique_ptr<Rule> make_quoted_value();
std::unique_ptr<Rule> make_ignored_section();
std::unique_ptr<Rule> make_default_defined_twice();
std::unique_ptr<Rule> make_key_overridden_by_credentials();
std::unique_ptr<Rule> make_invisible_characters();
std::unique_ptr<Rule> make_defaults_section();
std::unique_ptr<Rule> make_missing_default_profile();
std::unique_ptr<Rule> make_undefined_profile();
std::unique_ptr<Rule> make_dangling_source_profile();
std::unique_ptr<Rule> make_no_credentials();
std::unique_ptr<Rule> make_expired_credentials();
std::unique_ptr<Rule> make_missing_region();
std::unique_ptr<Rule> make_env_shadows_profile();
std::unique_ptr<Rule> make_partial_env_credentials();

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> v;
    v.push_back(make_duplicate_section());  // AWS001
    v.push_back(make_duplicate_key());  // AWS002
    v.push_back(make_missing_section_header());  // AWS003
    v.push_back(make_invalid_line());  // AWS004
    v.push_back(make_invalid_encoding());  // AWS005
    v.push_back(make_unreadable_file());  // AWS006
    v.push_back(make_invalid_env_line());  // AWS007
    v.push_back(make_unused_suppression());  // AWS008
    v.push_back(make_inline_comment());  // AWS010
    v.push_back(make_indented_continuation());  // AWS011
    v.push_back(make_quoted_value());  // AWS012
    v.push_back(make_ignored_section());  // AWS013
    v.push_back(make_default_defined_twice());  // AWS014
    v.push_back(make_key_overridden_by_credentials());  // AWS015
    v.push_back(make_invisible_characters());  // AWS016
    v.push_back(make_defaults_section());  // AWS017
    v.push_back(make_missing_default_profile());  // AWS101
    v.push_back(make_undefined_profile());  // AWS102
    v.push_back(make_dangling_source_profile());  // AWS103
    v.push_back(make_no_credentials());  // AWS104
    v.push_back(make_expired_credentials());  // AWS201
    v.push_back(make_missing_region());  // AWS301
    v.push_back(make_env_shadows_profile());  // AWS401
    v.push_back(make_partial_env_credentials());  // AWS402
    return v;
  }();
  return rules;
}

}  // namespace awslint
