// Text helpers (src/text.h) checked against simple reference definitions.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "text.h"

using namespace awslint;

TEST_CASE("edit_distance_within: exact up to the bound, bound + 1 beyond", "[text]") {
  CHECK(edit_distance_within("kitten", "sitting", 5) == 3);
  CHECK(edit_distance_within("kitten", "sitting", 2) == 3);  // over the bound: bound + 1
  CHECK(edit_distance_within("", "abc", 10) == 3);
  CHECK(edit_distance_within("same", "same", 0) == 0);
  // Random strings over a small alphabet (many near matches), short and longer than 64 bytes
  // (the bit-parallel and the banded paths), against the plain dynamic programme.
  std::mt19937 rng(12345);
  auto word = [&](std::size_t max_len) {
    std::string s(rng() % (max_len + 1), 'a');
    for (char& c : s) c = static_cast<char>('a' + rng() % 4);
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::size_t max_len = i % 5 == 0 ? 150 : 12;
    std::string a = word(max_len), b = i % 3 == 0 ? a : word(max_len);
    if (i % 3 == 0 && !b.empty()) b[rng() % b.size()] = 'z';  // one substitution away
    const std::size_t bound = rng() % 7;
    const std::size_t exact = edit_distance(a, b);
    INFO(a << " / " << b << " bound " << bound);
    REQUIRE(edit_distance_within(a, b, bound) == (exact <= bound ? exact : bound + 1));
  }
}
