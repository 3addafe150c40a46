// The strict YAML reading layer (see reader.h).
#include "strategy/reader.h"

#include <algorithm>
#include <charconv>

namespace tamas::strategy::detail {

void Sink::error(const YAML::Mark& m, std::string message) {
  Diagnostic d;
  d.file = file_;
  d.line = m.line >= 0 ? m.line + 1 : 1;
  d.col = m.column >= 0 ? m.column + 1 : 1;
  d.message = std::move(message);
  diags_.push_back(std::move(d));
}

const char* describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "a value";
    default:
      return "nothing";
  }
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

}  // namespace

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return {};
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    if (c.size() > 64) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_d && d < word.size()) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : "; did you mean '" + c + "'?";
}

Map::Map(Sink& sink, const YAML::Node& node, std::string what,
         std::initializer_list<const char*> allowed)
    : sink_(sink), node_(node), what_(std::move(what)) {
  if (!node.IsMap()) {
    if (node.IsDefined())
      sink_.error(node, "expected a mapping for " + what_ + ", found " + describe(node));
    return;
  }
  ok_ = true;
  const std::vector<std::string> names(allowed.begin(), allowed.end());
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      sink_.error(key, "expected a plain key in " + what_ + ", found " + describe(key));
      continue;
    }
    const std::string& k = key.Scalar();
    if (std::find(names.begin(), names.end(), k) == names.end()) {
      sink_.error(key, "unknown key '" + k + "' in " + what_ + did_you_mean(k, names));
      continue;
    }
    const bool dup = std::any_of(entries_.begin(), entries_.end(),
                                 [&](const auto& e) { return e.first.Scalar() == k; });
    if (dup) {
      sink_.error(key, "duplicate key '" + k + "' in " + what_);
      continue;
    }
    entries_.emplace_back(key, it->second);
  }
}

YAML::Node Map::get(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k.Scalar() == key) return v;
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node Map::key_node(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k.Scalar() == key) return k;
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node Map::need(std::string_view key) const {
  YAML::Node v = get(key);
  if (ok_ && !v.IsDefined())
    sink_.error(node_, "missing key '" + std::string(key) + "' in " + what_);
  return v;
}

std::optional<std::string> read_string(Sink& s, const YAML::Node& n, std::string_view what) {
  if (!n.IsDefined()) return std::nullopt;
  if (!n.IsScalar()) {
    s.error(n, "expected a value for " + std::string(what) + ", found " + describe(n));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<std::string> read_id(Sink& s, const YAML::Node& n, std::string_view what) {
  auto v = read_string(s, n, what);
  if (!v) return v;
  const bool ok = !v->empty() && v->size() <= 64 && std::all_of(v->begin(), v->end(), is_id_char);
  if (!ok) {
    s.error(n, "invalid " + std::string(what) + " '" + *v +
                   "': use 1-64 letters, digits, '_', '-' or '.'");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(Sink& s, const YAML::Node& n, std::string_view what) {
  auto v = read_string(s, n, what);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "yes") return true;
  if (*v == "false" || *v == "no") return false;
  s.error(n, "expected true or false for " + std::string(what) + ", got '" + *v + "'");
  return std::nullopt;
}

std::optional<int> read_int(Sink& s, const YAML::Node& n, std::string_view what, int lo, int hi) {
  auto v = read_string(s, n, what);
  if (!v) return std::nullopt;
  int out = 0;
  const char* end = v->data() + v->size();
  auto [p, ec] = std::from_chars(v->data(), end, out);
  if (ec != std::errc() || p != end) {
    s.error(n, "expected a whole number for " + std::string(what) + ", got '" + *v + "'");
    return std::nullopt;
  }
  if (out < lo || out > hi) {
    s.error(n, std::string(what) + " must be between " + std::to_string(lo) + " and " +
                   std::to_string(hi) + ", got " + std::to_string(out));
    return std::nullopt;
  }
  return out;
}

std::optional<Duration> read_duration(Sink& s, const YAML::Node& n, std::string_view what) {
  auto v = read_string(s, n, what);
  if (!v) return std::nullopt;
  long long count = 0;
  const char* end = v->data() + v->size();
  auto [p, ec] = std::from_chars(v->data(), end, count);
  const std::string unit(p, end);
  long long secs = 0;
  if (unit == "s") secs = 1;
  if (unit == "m") secs = 60;
  if (unit == "h") secs = 3600;
  if (unit == "d") secs = 86400;
  if (unit == "w") secs = 7 * 86400;
  if (ec != std::errc() || p == v->data() || secs == 0 || count > 1000000) {
    s.error(n, "expected a duration such as 30s, 5m, 8h or 7d for " + std::string(what) +
                   ", got '" + *v + "'");
    return std::nullopt;
  }
  if (count <= 0) {
    s.error(n, std::string(what) + " must be greater than zero");
    return std::nullopt;
  }
  return std::chrono::duration_cast<Duration>(std::chrono::seconds(count * secs));
}

std::optional<Text> read_text(Sink& s, const YAML::Node& n, std::string_view what) {
  if (!n.IsDefined()) return std::nullopt;
  if (n.IsScalar()) return Text{n.Scalar(), n.Scalar()};
  Map m(s, n, std::string(what), {"fa", "en"});
  if (!m.ok()) return std::nullopt;
  Text t;
  if (auto fa = read_string(s, m.get("fa"), "fa")) t.fa = *fa;
  if (auto en = read_string(s, m.get("en"), "en")) t.en = *en;
  if (t.fa.empty() && t.en.empty()) {
    s.error(n, std::string(what) + " needs 'fa' or 'en' text");
    return std::nullopt;
  }
  return t;
}

std::optional<std::vector<std::string>> read_list(Sink& s, const YAML::Node& n,
                                                  std::string_view what) {
  if (!n.IsDefined()) return std::nullopt;
  if (n.IsScalar()) return std::vector<std::string>{n.Scalar()};
  if (!n.IsSequence()) {
    s.error(n, "expected a value or a list for " + std::string(what) + ", found " + describe(n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : n) {
    if (auto v = read_string(s, item, what))
      out.push_back(*v);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::vector<YAML::Node> read_seq(Sink& s, const YAML::Node& n, std::string_view what) {
  std::vector<YAML::Node> out;
  if (!n.IsDefined()) return out;
  if (!n.IsSequence()) {
    s.error(n, "expected a list for " + std::string(what) + ", found " + describe(n));
    return out;
  }
  for (const auto& item : n) out.push_back(item);
  return out;
}

std::optional<int> read_choice(Sink& s, const YAML::Node& n, std::string_view what,
                               const std::vector<std::string>& names) {
  auto v = read_string(s, n, what);
  if (!v) return std::nullopt;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == *v) return int(i);
  std::string all;
  for (const auto& name : names) all += (all.empty() ? "" : ", ") + name;
  s.error(n, "unknown " + std::string(what) + " '" + *v + "'; expected one of: " + all);
  return std::nullopt;
}

int IdTable::define(const std::string& id, const YAML::Node& at) {
  auto it = index_.find(id);
  if (it != index_.end()) {
    sink_.error(at, "duplicate " + kind_ + " id '" + id + "' (first defined on line " +
                        std::to_string(lines_[id]) + ")");
    return -1;
  }
  const int i = int(names_.size());
  index_.emplace(id, i);
  lines_.emplace(id, at.Mark().line + 1);
  names_.push_back(id);
  nodes_.push_back(at);
  return i;
}

int IdTable::resolve(const std::string& id, const YAML::Node& at, std::string_view context) {
  auto it = index_.find(id);
  if (it != index_.end()) return it->second;
  sink_.error(
      at, "unknown " + kind_ + " '" + id + "'" + std::string(context) + did_you_mean(id, names_));
  return -1;
}

}  // namespace tamas::strategy::detail
