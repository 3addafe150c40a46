// Phone number normalisation to E.164 ("+989123456789").
//
// Accepted input: ASCII, Persian (۰-۹) or Arabic-Indic (٠-٩) digits; spaces,
// no-break spaces, '-', '.', '/', '(' and ')' as separators; invisible
// direction marks and ZWNJ (common when a number is copied from RTL text);
// one leading '+'. Anything else (letters, '#', a '+' after digits, invalid
// UTF-8) is an invalid_argument error whose message names the character.
//
// Interpretation, with C = default_country (1-3 digits, "98" = Iran):
//  - "+<digits>" or "00<digits>": international. "+98 0912..." (a national
//    trunk 0 kept after +98) drops that 0 — for Iran only, since elsewhere
//    (Italy) a leading 0 after the country code is significant.
//  - 3-6 digits not starting with 0: a short service number ("1560", "110"),
//    returned as the digits alone, without '+'.
//  - "0<national>": national with trunk prefix -> "+C<national>".
//  - otherwise national without trunk prefix ("9123456789" -> "+989123456789");
//    for Iran, 12 digits starting "98" are read as international without '+'.
// Length checks: E.164 allows at most 15 digits; an Iranian national number
// has exactly 10 digits (mobile 9xx xxx xxxx, landline area code + number,
// e.g. Tehran 21 8888 7777). Other countries: 4..15 digits overall.
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace tamas {

Result<std::string> normalise_phone(std::string_view raw, std::string_view default_country = "98");

}  // namespace tamas
