#include "core/import_xml.hpp"

#include "core/text_encoding.hpp"

#include <cstdint>

namespace kring::xml {

namespace {

struct Fail {
    int line;
    std::string what;
};

bool name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || u >= 0x80;
}

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    Document run() {
        Document doc;
        try {
            if (s_.starts_with("\xEF\xBB\xBF")) p_ = 3;
            doc.elements.reserve(s_.size() / 48 + 16);  // about one element per 50 bytes in Gramps XML
            std::vector<int> open;
            while (p_ < s_.size()) {
                if (s_[p_] != '<') {
                    std::size_t lt = s_.find('<', p_);
                    if (lt == std::string_view::npos) lt = s_.size();
                    std::string_view raw = s_.substr(p_, lt - p_);
                    if (open.empty()) {
                        if (raw.find_first_not_of(" \t\r\n") != std::string_view::npos)
                            throw Fail{line_, "text outside the document element"};
                    } else {
                        decode_into(raw, doc.elements[static_cast<std::size_t>(open.back())].text);
                    }
                    advance(lt);
                    continue;
                }
                if (s_.compare(p_, 4, "<!--") == 0) {
                    skip_past("-->", "an unterminated comment");
                } else if (s_.compare(p_, 9, "<![CDATA[") == 0) {
                    std::size_t end = s_.find("]]>", p_ + 9);
                    if (end == std::string_view::npos) throw Fail{line_, "an unterminated CDATA section"};
                    if (open.empty()) throw Fail{line_, "CDATA outside the document element"};
                    doc.elements[static_cast<std::size_t>(open.back())].text.append(s_.substr(p_ + 9, end - p_ - 9));
                    advance(end + 3);
                } else if (s_.compare(p_, 2, "<?") == 0) {
                    skip_past("?>", "an unterminated processing instruction");
                } else if (s_.compare(p_, 2, "<!") == 0) {
                    // DOCTYPE, possibly with an internal subset in [...]: skipped, never expanded.
                    int depth = 0;
                    std::size_t i = p_ + 2;
                    for (; i < s_.size(); ++i) {
                        if (s_[i] == '[') ++depth;
                        else if (s_[i] == ']') --depth;
                        else if (s_[i] == '>' && depth <= 0) break;
                    }
                    if (i >= s_.size()) throw Fail{line_, "an unterminated <!DOCTYPE"};
                    advance(i + 1);
                } else if (s_.compare(p_, 2, "</") == 0) {
                    std::size_t i = p_ + 2, b = i;
                    while (i < s_.size() && name_char(s_[i])) ++i;
                    std::string name = strip_prefix(s_.substr(b, i - b));
                    while (i < s_.size() && is_space(s_[i])) ++i;
                    if (i >= s_.size() || s_[i] != '>') throw Fail{line_, "a malformed end tag"};
                    if (open.empty()) throw Fail{line_, "</" + name + "> without a start tag"};
                    const std::string& want = doc.elements[static_cast<std::size_t>(open.back())].name;
                    if (name != want) throw Fail{line_, "</" + name + "> where </" + want + "> was expected"};
                    open.pop_back();
                    advance(i + 1);
                } else {
                    if (open.empty() && !doc.elements.empty()) throw Fail{line_, "a second document element"};
                    Element e;
                    e.line = line_;
                    std::size_t i = p_ + 1, b = i;
                    while (i < s_.size() && name_char(s_[i])) ++i;
                    if (i == b) throw Fail{line_, "a '<' that does not start a tag"};
                    e.name = strip_prefix(s_.substr(b, i - b));
                    bool empty = false;
                    for (;;) {
                        while (i < s_.size() && is_space(s_[i])) {
                            if (s_[i] == '\n') ++line_;
                            ++i;
                        }
                        if (i >= s_.size()) throw Fail{e.line, "the file ends inside <" + e.name + ">"};
                        if (s_[i] == '>') {
                            ++i;
                            break;
                        }
                        if (s_[i] == '/' && i + 1 < s_.size() && s_[i + 1] == '>') {
                            empty = true;
                            i += 2;
                            break;
                        }
                        std::size_t ab = i;
                        while (i < s_.size() && name_char(s_[i])) ++i;
                        if (i == ab) throw Fail{line_, "a malformed attribute in <" + e.name + ">"};
                        std::string key(s_.substr(ab, i - ab));
                        while (i < s_.size() && is_space(s_[i])) ++i;
                        if (i >= s_.size() || s_[i] != '=') throw Fail{line_, "attribute " + key + " without a value"};
                        ++i;
                        while (i < s_.size() && is_space(s_[i])) ++i;
                        if (i >= s_.size() || (s_[i] != '"' && s_[i] != '\'')) throw Fail{line_, "attribute " + key + " without quotes"};
                        const char q = s_[i++];
                        std::size_t ve = s_.find(q, i);
                        if (ve == std::string_view::npos) throw Fail{line_, "an unterminated attribute value"};
                        std::string value;
                        decode_into(s_.substr(i, ve - i), value);
                        for (std::size_t k = i; k < ve; ++k)
                            if (s_[k] == '\n') ++line_;
                        i = ve + 1;
                        if (key.starts_with("xmlns")) continue;
                        e.attrs.emplace_back(strip_prefix(key), std::move(value));
                    }
                    p_ = i;
                    const int idx = static_cast<int>(doc.elements.size());
                    if (!open.empty()) doc.elements[static_cast<std::size_t>(open.back())].children.push_back(idx);
                    doc.elements.push_back(std::move(e));
                    if (!empty) open.push_back(idx);
                }
            }
            if (!open.empty())
                throw Fail{line_, "the file ends inside <" + doc.elements[static_cast<std::size_t>(open.back())].name +
                                      "> (it may be cut short)"};
            if (doc.elements.empty()) throw Fail{line_, "no XML elements"};
        } catch (const Fail& f) {
            doc.error = "line " + std::to_string(f.line) + ": " + f.what;
        }
        return doc;
    }

private:
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    static std::string strip_prefix(std::string_view n) {
        auto c = n.find(':');
        return std::string(c == std::string_view::npos ? n : n.substr(c + 1));
    }
    void advance(std::size_t to) {
        for (std::size_t i = p_; i < to; ++i)
            if (s_[i] == '\n') ++line_;
        p_ = to;
    }
    void skip_past(std::string_view end, const char* what) {
        std::size_t e = s_.find(end, p_);
        if (e == std::string_view::npos) throw Fail{line_, what};
        advance(e + end.size());
    }
    void decode_into(std::string_view raw, std::string& out) const {
        std::size_t amp = raw.find('&');
        if (amp == std::string_view::npos) {
            out.append(raw);
            return;
        }
        std::size_t i = 0;
        while (i < raw.size()) {
            if (raw[i] != '&') {
                out += raw[i++];
                continue;
            }
            std::size_t semi = raw.find(';', i);
            if (semi == std::string_view::npos || semi - i > 12) throw Fail{line_, "a bare '&' (write &amp;)"};
            std::string_view ent = raw.substr(i + 1, semi - i - 1);
            if (ent == "lt") out += '<';
            else if (ent == "gt") out += '>';
            else if (ent == "amp") out += '&';
            else if (ent == "quot") out += '"';
            else if (ent == "apos") out += '\'';
            else if (ent.size() > 1 && ent[0] == '#') {
                std::uint32_t cp = 0;
                const bool hex = ent[1] == 'x' || ent[1] == 'X';
                std::string_view digits = ent.substr(hex ? 2 : 1);
                if (digits.empty()) throw Fail{line_, "a malformed character reference"};
                for (char c : digits) {
                    int v = (c >= '0' && c <= '9') ? c - '0'
                            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (v < 0) throw Fail{line_, "a malformed character reference"};
                    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
                    if (cp > 0x10FFFF) throw Fail{line_, "a character reference out of range"};
                }
                append_utf8(out, static_cast<char32_t>(cp));
            } else {
                throw Fail{line_, "unknown entity &" + std::string(ent) + ";"};
            }
            i = semi + 1;
        }
    }

    std::string_view s_;
    std::size_t p_ = 0;
    int line_ = 1;
};

}  // namespace

Document parse(std::string_view text) { return Parser(text).run(); }

}  // namespace kring::xml
