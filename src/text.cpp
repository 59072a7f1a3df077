#include "text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>

namespace awslint {
namespace {
#include "unicode_tables.inc"

bool in_sorted(const char32_t* b, const char32_t* e, char32_t cp) { return std::binary_search(b, e, cp); }
}  // namespace

std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto n = s.size();
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= n) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    const int c1 = cont(1);
    if (c1 < 0) return 0;
    cp = ((b0 & 0x1F) << 6) | c1;
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const int c1 = cont(1), c2 = c1 < 0 ? -1 : cont(2);
    if (c1 < 0 || c2 < 0) return 0;
    cp = ((b0 & 0x0F) << 12) | (c1 << 6) | c2;
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const int c1 = cont(1), c2 = c1 < 0 ? -1 : cont(2), c3 = c2 < 0 ? -1 : cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return 0;
    cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

namespace {
// str.lower() maps U+03A3 (capital sigma) to U+03C2 (final sigma) when it ends a word: preceded by a
// cased character and not followed by one, skipping case-ignorable characters both ways (Unicode's
// Final_Sigma condition, Python's handle_capital_sigma). These tables give the two properties as
// Python 3.11.2 (Unicode 14.0.0) uses them, derived from str.lower() itself:
//   final = lambda s: s.lower().endswith('\u03c2')
//   cased-not-ignorable: final(c + '\u03a3');  case-ignorable: not that and final('A' + c + '\u03a3')
// (whether a case-ignorable character is also cased never matters: it is skipped first).
struct CpRange { char32_t lo, hi; };
static constexpr CpRange kCaseIgnorable[] = {
  {0x27, 0x27}, {0x2E, 0x2E}, {0x3A, 0x3A}, {0x5E, 0x5E}, {0x60, 0x60}, {0xA8, 0xA8}, {0xAD, 0xAD},
  {0xAF, 0xAF}, {0xB4, 0xB4}, {0xB7, 0xB8}, {0x2B0, 0x36F}, {0x374, 0x375}, {0x37A, 0x37A}, {0x384, 0x385},
  {0x387, 0x387}, {0x483, 0x489}, {0x559, 0x559}, {0x55F, 0x55F}, {0x591, 0x5BD}, {0x5BF, 0x5BF},
  {0x5C1, 0x5C2}, {0x5C4, 0x5C5}, {0x5C7, 0x5C7}, {0x5F4, 0x5F4}, {0x600, 0x605}, {0x610, 0x61A},
  {0x61C, 0x61C}, {0x640, 0x640}, {0x64B, 0x65F}, {0x670, 0x670}, {0x6D6, 0x6DD}, {0x6DF, 0x6E8},
  {0x6EA, 0x6ED}, {0x70F, 0x70F}, {0x711, 0x711}, {0x730, 0x74A}, {0x7A6, 0x7B0}, {0x7EB, 0x7F5},
  {0x7FA, 0x7FA}, {0x7FD, 0x7FD}, {0x816, 0x82D}, {0x859, 0x85B}, {0x888, 0x888}, {0x890, 0x891},
  {0x898, 0x89F}, {0x8C9, 0x902}, {0x93A, 0x93A}, {0x93C, 0x93C}, {0x941, 0x948}, {0x94D, 0x94D},
  {0x951, 0x957}, {0x962, 0x963}, {0x971, 0x971}, {0x981, 0x981}, {0x9BC, 0x9BC}, {0x9C1, 0x9C4},
  {0x9CD, 0x9CD}, {0x9E2, 0x9E3}, {0x9FE, 0x9FE}, {0xA01, 0xA02}, {0xA3C, 0xA3C}, {0xA41, 0xA42},
  {0xA47, 0xA48}, {0xA4B, 0xA4D}, {0xA51, 0xA51}, {0xA70, 0xA71}, {0xA75, 0xA75}, {0xA81, 0xA82},
  {0xABC, 0xABC}, {0xAC1, 0xAC5}, {0xAC7, 0xAC8}, {0xACD, 0xACD}, {0xAE2, 0xAE3}, {0xAFA, 0xAFF},
  {0xB01, 0xB01}, {0xB3C, 0xB3C}, {0xB3F, 0xB3F}, {0xB41, 0xB44}, {0xB4D, 0xB4D}, {0xB55, 0xB56},
  {0xB62, 0xB63}, {0xB82, 0xB82}, {0xBC0, 0xBC0}, {0xBCD, 0xBCD}, {0xC00, 0xC00}, {0xC04, 0xC04},
  {0xC3C, 0xC3C}, {0xC3E, 0xC40}, {0xC46, 0xC48}, {0xC4A, 0xC4D}, {0xC55, 0xC56}, {0xC62, 0xC63},
  {0xC81, 0xC81}, {0xCBC, 0xCBC}, {0xCBF, 0xCBF}, {0xCC6, 0xCC6}, {0xCCC, 0xCCD}, {0xCE2, 0xCE3},
  {0xD00, 0xD01}, {0xD3B, 0xD3C}, {0xD41, 0xD44}, {0xD4D, 0xD4D}, {0xD62, 0xD63}, {0xD81, 0xD81},
  {0xDCA, 0xDCA}, {0xDD2, 0xDD4}, {0xDD6, 0xDD6}, {0xE31, 0xE31}, {0xE34, 0xE3A}, {0xE46, 0xE4E},
  {0xEB1, 0xEB1}, {0xEB4, 0xEBC}, {0xEC6, 0xEC6}, {0xEC8, 0xECD}, {0xF18, 0xF19}, {0xF35, 0xF35},
  {0xF37, 0xF37}, {0xF39, 0xF39}, {0xF71, 0xF7E}, {0xF80, 0xF84}, {0xF86, 0xF87}, {0xF8D, 0xF97},
  {0xF99, 0xFBC}, {0xFC6, 0xFC6}, {0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E},
  {0x1058, 0x1059}, {0x105E, 0x1060}, {0x1071, 0x1074}, {0x1082, 0x1082}, {0x1085, 0x1086}, {0x108D, 0x108D},
  {0x109D, 0x109D}, {0x10FC, 0x10FC}, {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
  {0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6}, {0x17C9, 0x17D3}, {0x17D7, 0x17D7},
  {0x17DD, 0x17DD}, {0x180B, 0x180F}, {0x1843, 0x1843}, {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922},
  {0x1927, 0x1928}, {0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B}, {0x1A56, 0x1A56},
  {0x1A58, 0x1A5E}, {0x1A60, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7C}, {0x1A7F, 0x1A7F},
  {0x1AA7, 0x1AA7}, {0x1AB0, 0x1ACE}, {0x1B00, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A}, {0x1B3C, 0x1B3C},
  {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81}, {0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD},
  {0x1BE6, 0x1BE6}, {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33}, {0x1C36, 0x1C37},
  {0x1C78, 0x1C7D}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED}, {0x1CF4, 0x1CF4},
  {0x1CF8, 0x1CF9}, {0x1D2C, 0x1D6A}, {0x1D78, 0x1D78}, {0x1D9B, 0x1DFF}, {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1},
  {0x1FCD, 0x1FCF}, {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE}, {0x200B, 0x200F}, {0x2018, 0x2019},
  {0x2024, 0x2024}, {0x2027, 0x2027}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0x2071, 0x2071},
  {0x207F, 0x207F}, {0x2090, 0x209C}, {0x20D0, 0x20F0}, {0x2C7C, 0x2C7D}, {0x2CEF, 0x2CF1}, {0x2D6F, 0x2D6F},
  {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x2E2F, 0x2E2F}, {0x3005, 0x3005}, {0x302A, 0x302D}, {0x3031, 0x3035},
  {0x303B, 0x303B}, {0x3099, 0x309E}, {0x30FC, 0x30FE}, {0xA015, 0xA015}, {0xA4F8, 0xA4FD}, {0xA60C, 0xA60C},
  {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA67F, 0xA67F}, {0xA69C, 0xA69F}, {0xA6F0, 0xA6F1}, {0xA700, 0xA721},
  {0xA770, 0xA770}, {0xA788, 0xA78A}, {0xA7F2, 0xA7F4}, {0xA7F8, 0xA7F9}, {0xA802, 0xA802}, {0xA806, 0xA806},
  {0xA80B, 0xA80B}, {0xA825, 0xA826}, {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF},
  {0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD},
  {0xA9CF, 0xA9CF}, {0xA9E5, 0xA9E6}, {0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43},
  {0xAA4C, 0xAA4C}, {0xAA70, 0xAA70}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
  {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAADD, 0xAADD}, {0xAAEC, 0xAAED}, {0xAAF3, 0xAAF4}, {0xAAF6, 0xAAF6},
  {0xAB5B, 0xAB5F}, {0xAB69, 0xAB6B}, {0xABE5, 0xABE5}, {0xABE8, 0xABE8}, {0xABED, 0xABED}, {0xFB1E, 0xFB1E},
  {0xFBB2, 0xFBC2}, {0xFE00, 0xFE0F}, {0xFE13, 0xFE13}, {0xFE20, 0xFE2F}, {0xFE52, 0xFE52}, {0xFE55, 0xFE55},
  {0xFEFF, 0xFEFF}, {0xFF07, 0xFF07}, {0xFF0E, 0xFF0E}, {0xFF1A, 0xFF1A}, {0xFF3E, 0xFF3E}, {0xFF40, 0xFF40},
  {0xFF70, 0xFF70}, {0xFF9E, 0xFF9F}, {0xFFE3, 0xFFE3}, {0xFFF9, 0xFFFB}, {0x101FD, 0x101FD},
  {0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10780, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
  {0x10A01, 0x10A03}, {0x10A05, 0x10A06}, {0x10A0C, 0x10A0F}, {0x10A38, 0x10A3A}, {0x10A3F, 0x10A3F},
  {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC}, {0x10F46, 0x10F50}, {0x10F82, 0x10F85},
  {0x11001, 0x11001}, {0x11038, 0x11046}, {0x11070, 0x11070}, {0x11073, 0x11074}, {0x1107F, 0x11081},
  {0x110B3, 0x110B6}, {0x110B9, 0x110BA}, {0x110BD, 0x110BD}, {0x110C2, 0x110C2}, {0x110CD, 0x110CD},
  {0x11100, 0x11102}, {0x11127, 0x1112B}, {0x1112D, 0x11134}, {0x11173, 0x11173}, {0x11180, 0x11181},
  {0x111B6, 0x111BE}, {0x111C9, 0x111CC}, {0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234},
  {0x11236, 0x11237}, {0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA}, {0x11300, 0x11301},
  {0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x1136C}, {0x11370, 0x11374}, {0x11438, 0x1143F},
  {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8}, {0x114BA, 0x114BA},
  {0x114BF, 0x114C0}, {0x114C2, 0x114C3}, {0x115B2, 0x115B5}, {0x115BC, 0x115BD}, {0x115BF, 0x115C0},
  {0x115DC, 0x115DD}, {0x11633, 0x1163A}, {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB},
  {0x116AD, 0x116AD}, {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F}, {0x11722, 0x11725},
  {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A}, {0x1193B, 0x1193C}, {0x1193E, 0x1193E},
  {0x11943, 0x11943}, {0x119D4, 0x119D7}, {0x119DA, 0x119DB}, {0x119E0, 0x119E0}, {0x11A01, 0x11A0A},
  {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E}, {0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B},
  {0x11A8A, 0x11A96}, {0x11A98, 0x11A99}, {0x11C30, 0x11C36}, {0x11C38, 0x11C3D}, {0x11C3F, 0x11C3F},
  {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0}, {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D36},
  {0x11D3A, 0x11D3A}, {0x11D3C, 0x11D3D}, {0x11D3F, 0x11D45}, {0x11D47, 0x11D47}, {0x11D90, 0x11D91},
  {0x11D95, 0x11D95}, {0x11D97, 0x11D97}, {0x11EF3, 0x11EF4}, {0x13430, 0x13438}, {0x16AF0, 0x16AF4},
  {0x16B30, 0x16B36}, {0x16B40, 0x16B43}, {0x16F4F, 0x16F4F}, {0x16F8F, 0x16F9F}, {0x16FE0, 0x16FE1},
  {0x16FE3, 0x16FE4}, {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE}, {0x1BC9D, 0x1BC9E},
  {0x1BCA0, 0x1BCA3}, {0x1CF00, 0x1CF2D}, {0x1CF30, 0x1CF46}, {0x1D167, 0x1D169}, {0x1D173, 0x1D182},
  {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C},
  {0x1DA75, 0x1DA75}, {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DA9F}, {0x1DAA1, 0x1DAAF}, {0x1E000, 0x1E006},
  {0x1E008, 0x1E018}, {0x1E01B, 0x1E021}, {0x1E023, 0x1E024}, {0x1E026, 0x1E02A}, {0x1E130, 0x1E13D},
  {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94B}, {0x1F3FB, 0x1F3FF},
  {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};
static constexpr CpRange kCasedNotIgnorable[] = {
  {0x41, 0x5A}, {0x61, 0x7A}, {0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6}, {0xD8, 0xF6},
  {0xF8, 0x1BA}, {0x1BC, 0x1BF}, {0x1C4, 0x293}, {0x295, 0x2AF}, {0x370, 0x373}, {0x376, 0x377},
  {0x37B, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1},
  {0x3A3, 0x3F5}, {0x3F7, 0x481}, {0x48A, 0x52F}, {0x531, 0x556}, {0x560, 0x588}, {0x10A0, 0x10C5},
  {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA}, {0x10FD, 0x10FF}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD},
  {0x1C80, 0x1C88}, {0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF}, {0x1D00, 0x1D2B}, {0x1D6B, 0x1D77}, {0x1D79, 0x1D9A},
  {0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59},
  {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE},
  {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4},
  {0x1FF6, 0x1FFC}, {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D},
  {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2134}, {0x2139, 0x2139},
  {0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2160, 0x217F}, {0x2183, 0x2184}, {0x24B6, 0x24E9},
  {0x2C00, 0x2C7B}, {0x2C7E, 0x2CE4}, {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3}, {0x2D00, 0x2D25}, {0x2D27, 0x2D27},
  {0x2D2D, 0x2D2D}, {0xA640, 0xA66D}, {0xA680, 0xA69B}, {0xA722, 0xA76F}, {0xA771, 0xA787}, {0xA78B, 0xA78E},
  {0xA790, 0xA7CA}, {0xA7D0, 0xA7D1}, {0xA7D3, 0xA7D3}, {0xA7D5, 0xA7D9}, {0xA7F5, 0xA7F6}, {0xA7FA, 0xA7FA},
  {0xAB30, 0xAB5A}, {0xAB60, 0xAB68}, {0xAB70, 0xABBF}, {0xFB00, 0xFB06}, {0xFB13, 0xFB17}, {0xFF21, 0xFF3A},
  {0xFF41, 0xFF5A}, {0x10400, 0x1044F}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB}, {0x10570, 0x1057A},
  {0x1057C, 0x1058A}, {0x1058C, 0x10592}, {0x10594, 0x10595}, {0x10597, 0x105A1}, {0x105A3, 0x105B1},
  {0x105B3, 0x105B9}, {0x105BB, 0x105BC}, {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x118A0, 0x118DF},
  {0x16E40, 0x16E7F}, {0x1D400, 0x1D454}, {0x1D456, 0x1D49C}, {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2},
  {0x1D4A5, 0x1D4A6}, {0x1D4A9, 0x1D4AC}, {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB}, {0x1D4BD, 0x1D4C3},
  {0x1D4C5, 0x1D505}, {0x1D507, 0x1D50A}, {0x1D50D, 0x1D514}, {0x1D516, 0x1D51C}, {0x1D51E, 0x1D539},
  {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544}, {0x1D546, 0x1D546}, {0x1D54A, 0x1D550}, {0x1D552, 0x1D6A5},
  {0x1D6A8, 0x1D6C0}, {0x1D6C2, 0x1D6DA}, {0x1D6DC, 0x1D6FA}, {0x1D6FC, 0x1D714}, {0x1D716, 0x1D734},
  {0x1D736, 0x1D74E}, {0x1D750, 0x1D76E}, {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2},
  {0x1D7C4, 0x1D7CB}, {0x1DF00, 0x1DF09}, {0x1DF0B, 0x1DF1E}, {0x1E900, 0x1E943}, {0x1F130, 0x1F149},
  {0x1F150, 0x1F169}, {0x1F170, 0x1F189},
};

bool in_ranges(const CpRange* b, const CpRange* e, char32_t cp) {
  const CpRange* it = std::upper_bound(b, e, cp, [](char32_t v, const CpRange& r) { return v < r.lo; });
  return it != b && cp <= (it - 1)->hi;
}

// Decodes the code point that ends just before byte `end` (valid UTF-8); returns its start.
std::size_t prev_code_point(std::string_view s, std::size_t end, char32_t& cp) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  if (utf8_decode(s, start, cp) != end - start) {
    cp = static_cast<unsigned char>(s[end - 1]);
    return end - 1;
  }
  return start;
}

// Is the capital sigma at bytes [i, i + k) of s in the Final_Sigma context?
bool final_sigma(std::string_view s, std::size_t i, std::size_t k) {
  auto ignorable = [](char32_t c) { return in_ranges(std::begin(kCaseIgnorable), std::end(kCaseIgnorable), c); };
  auto cased = [](char32_t c) {
    return in_ranges(std::begin(kCasedNotIgnorable), std::end(kCasedNotIgnorable), c);
  };
  char32_t cp = 0;
  std::size_t j = i;
  bool before = false;
  while (j > 0) {
    j = prev_code_point(s, j, cp);
    if (!ignorable(cp)) {
      before = cased(cp);
      break;
    }
  }
  if (!before) return false;
  for (j = i + k; j < s.size();) {
    std::size_t n = utf8_decode(s, j, cp);
    if (n == 0) return true;  // not UTF-8 (the CLI rejects the file): neither cased nor ignorable
    if (!ignorable(cp)) return !cased(cp);
    j += n;
  }
  return true;
}
}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) return i;
    i += k;
  }
  return std::string_view::npos;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool py_isspace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return in_sorted(std::begin(kSpaceTable), std::end(kSpaceTable), cp);
}

bool py_is_line_break(char32_t cp) {
  return in_sorted(std::begin(kLineBreakTable), std::end(kLineBreakTable), cp);
}

std::size_t py_lspace_bytes(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0 || !py_isspace(cp)) break;
    i += k;
  }
  return i;
}

std::size_t py_rspace_bytes(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    const auto last = static_cast<unsigned char>(s[end - 1]);
    if (last < 0x80) {
      if (!py_isspace(last)) break;
      --end;
      continue;
    }
    // Walk back to the start of the code point.
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
    char32_t cp;
    const std::size_t k = utf8_decode(s, start, cp);
    if (k != end - start || !py_isspace(cp)) break;
    end = start;
  }
  return s.size() - end;
}

std::string_view py_rstrip(std::string_view s) { return s.substr(0, s.size() - py_rspace_bytes(s)); }

std::string_view py_strip(std::string_view s) {
  s.remove_prefix(py_lspace_bytes(s));
  return py_rstrip(s);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool py_lower(std::string_view s, std::string& out) {
  bool changed = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') { changed = true; break; }
    if (c >= 0x80) {
      char32_t cp;
      std::size_t k = utf8_decode(s, i, cp);
      if (k == 0) break;
      auto it = std::lower_bound(std::begin(kLowerTable), std::end(kLowerTable), cp,
                                 [](const LowerMapping& m, char32_t v) { return m.cp < v; });
      if (it != std::end(kLowerTable) && it->cp == cp) { changed = true; break; }
      i += k - 1;
    }
  }
  if (!changed) return false;
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) {  // not UTF-8: keep the byte (the CLI rejects such files anyway)
      out.push_back(s[i]);
      ++i;
      continue;
    }
    auto it = std::lower_bound(std::begin(kLowerTable), std::end(kLowerTable), cp,
                               [](const LowerMapping& m, char32_t v) { return m.cp < v; });
    if (cp == 0x3A3 && final_sigma(s, i, k)) {
      out.append("\xcf\x82");  // U+03C2
    } else if (it != std::end(kLowerTable) && it->cp == cp) {
      out.append(it->lower);
    } else {
      out.append(s.substr(i, k));
    }
    i += k;
  }
  return true;
}

std::string py_lower(std::string_view s) {
  std::string out;
  if (!py_lower(s, out)) return std::string(s);
  return out;
}

std::vector<std::string_view> py_splitlines(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0, i = 0;
  while (i < s.size()) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) k = 1, cp = 0xFFFD;
    if (py_is_line_break(cp)) {
      parts.push_back(s.substr(start, i - start));
      i += k;
      if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
      start = i;
      continue;
    }
    i += k;
  }
  if (start < s.size()) parts.push_back(s.substr(start));
  return parts;
}

std::optional<std::vector<std::string>> shlex_split(std::string_view s) {
  // Fast path: no quotes or escapes, so shlex only splits at ' \t\r\n'.
  if (s.find_first_of("'\"\\") == std::string_view::npos) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
      std::size_t j = i;
      while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) ++j;
      if (j > i) out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  }
  // A transcription of shlex.shlex.read_token for posix=True, whitespace_split=True, commenters=''.
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::vector<std::string> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (true) {
    std::string token;
    bool quoted = false;
    char state = ' ';
    char escapedstate = ' ';
    bool have = false;  // a token was produced
    while (true) {
      if (i >= n) {
        if (state == '\'' || state == '"') return std::nullopt;  // No closing quotation
        if (state == '\\') return std::nullopt;                  // No escaped character
        break;
      }
      const char ch = s[i++];
      if (state == ' ') {
        if (is_ws(ch)) {
          if (!token.empty() || quoted) break;
          continue;
        }
        if (ch == '\\') {
          escapedstate = 'a';
          state = '\\';
        } else if (ch == '\'' || ch == '"') {
          state = ch;
        } else {
          token.push_back(ch);
          state = 'a';
        }
      } else if (state == '\'' || state == '"') {
        quoted = true;
        if (ch == state) {
          state = 'a';
        } else if (ch == '\\' && state == '"') {
          escapedstate = state;
          state = '\\';
        } else {
          token.push_back(ch);
        }
      } else if (state == '\\') {
        if ((escapedstate == '\'' || escapedstate == '"') && ch != escapedstate && ch != '\\') token.push_back('\\');
        token.push_back(ch);
        state = escapedstate;
      } else {  // 'a'
        if (is_ws(ch)) {
          state = ' ';
          if (!token.empty() || quoted) break;
        } else if (ch == '\'' || ch == '"') {
          state = ch;
        } else if (ch == '\\') {
          escapedstate = 'a';
          state = '\\';
        } else {
          token.push_back(ch);
        }
      }
    }
    have = !token.empty() || quoted;
    if (!have) break;
    out.push_back(std::move(token));
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c += 32;
  return r;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {
// Myers' bit-parallel edit distance (Hyyrö's form for the whole strings): the column of the matrix
// for a pattern of m bytes (1 to 64; peq: its positions per byte value) as bit vectors of +1/-1
// steps, one byte of t at a time. Stops once the distance cannot come back within `bound` (it falls
// by at most one per byte left).
std::size_t myers_scan(const std::array<std::uint64_t, 256>& peq, std::size_t m, std::string_view t,
                       std::size_t bound) {
  const std::uint64_t last = std::uint64_t{1} << (m - 1);
  std::uint64_t pv = ~std::uint64_t{0}, mv = 0;
  std::size_t score = m;
  for (std::size_t j = 0; j < t.size(); ++j) {
    const std::uint64_t eq = peq[static_cast<unsigned char>(t[j])];
    const std::uint64_t xv = eq | mv;
    const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    if (ph & last) ++score;
    else if (mh & last) --score;
    if (score > bound + (t.size() - j - 1)) return bound + 1;
    ph = (ph << 1) | 1;  // row 0 of the matrix is 0, 1, 2, ...: every step along it is +1
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score <= bound ? score : bound + 1;
}
// The table is all zeros between calls (zeroing 2 KiB per call would cost more than the distance):
// only p's own bytes are set, and cleared again before returning. One per thread (rules run on
// several).
std::size_t myers_within(std::string_view p, std::string_view t, std::size_t bound) {
  thread_local std::array<std::uint64_t, 256> peq{};
  for (std::size_t i = 0; i < p.size(); ++i) peq[static_cast<unsigned char>(p[i])] |= std::uint64_t{1} << i;
  const std::size_t d = myers_scan(peq, p.size(), t, bound);
  for (char c : p) peq[static_cast<unsigned char>(c)] = 0;
  return d;
}
}  // namespace

std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t bound) {
  if (a.size() < b.size()) std::swap(a, b);  // b, the shorter, is the row
  const std::size_t n = a.size(), m = b.size();
  bound = std::min(bound, n);  // the distance is at most n: no overflow below
  const std::size_t inf = bound + 1;  // every value is capped there: "more than the bound"
  if (n - m > bound) return inf;
  if (m == 0) return n;  // n <= bound
  if (m <= 64) return myers_within(b, a, bound);
  // Longer: the band of the matrix within `bound` of its diagonal.
  constexpr std::size_t kStack = 128;
  std::array<std::size_t, 2 * (kStack + 1)> stack_rows;
  std::vector<std::size_t> heap_rows;
  std::size_t* prev = stack_rows.data();
  if (m > kStack) {
    heap_rows.resize(2 * (m + 1));
    prev = heap_rows.data();
  }
  std::size_t* cur = prev + (m + 1);
  // Row 0 inside the band (j <= bound), and the cell just past it: outside the band is `inf`.
  const std::size_t first_hi = std::min(m, bound);
  for (std::size_t j = 0; j <= first_hi; ++j) prev[j] = j;
  if (first_hi < m) prev[first_hi + 1] = inf;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > bound ? i - bound : 1;
    const std::size_t hi = std::min(m, i + bound);
    cur[lo - 1] = lo == 1 ? std::min(i, inf) : inf;
    std::size_t row_min = cur[lo - 1];
    const char ai = a[i - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      std::size_t d = prev[j - 1] + (ai == b[j - 1] ? 0 : 1);
      d = std::min(d, prev[j] + 1);
      d = std::min(d, cur[j - 1] + 1);
      d = std::min(d, inf);
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (hi < m) cur[hi + 1] = inf;  // read as prev[hi + 1] by the next row
    if (row_min >= inf) return inf;  // every path to (n, m) crosses this row
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    const bool invisible = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0 || cp == 0xAD ||
                           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x1680 ||
                           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000 ||
                           (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0x180E;
    if (!invisible) {
      out.append(s.substr(i, k));
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x100) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else {
      out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(cp));
    }
    i += k;
  }
  return out;
}

bool needs_escape(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F) return printable(s) != s;
  }
  return false;
}

}  // namespace awslint
