#include "core/log.h"

#include <gtest/gtest.h>

namespace tamas {
namespace {

TEST(Log, WritesLogfmtWithQuotedValuesWhenNeeded) {
  EXPECT_EQ(format_log_line("T", LogLevel::info, "http.request",
                            {{"path", "/health"}, {"status", 200}, {"note", "a b"}}),
            "ts=T level=info event=http.request path=/health status=200 note=\"a b\"");
}

TEST(Log, EscapesQuotesAndNewlines) {
  EXPECT_EQ(format_log_line("T", LogLevel::error, "x", {{"m", "say \"hi\"\nbye"}}),
            "ts=T level=error event=x m=\"say \\\"hi\\\"\\nbye\"");
}

TEST(Log, EmptyValueIsQuoted) {
  EXPECT_EQ(format_log_line("T", LogLevel::warn, "x", {{"m", ""}}), "ts=T level=warn event=x m=\"\"");
}

}  // namespace
}  // namespace tamas
