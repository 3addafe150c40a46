#pragma once

#include <string_view>

namespace tamas::app {
inline constexpr std::string_view kVersion = TAMAS_VERSION;
}
