// A small, strict XML reader for the documents kring imports (Gramps XML): elements,
// attributes, text, CDATA, comments, processing instructions, a DOCTYPE (skipped, never
// fetched or expanded) and the five predefined entities plus character references.
// Namespace prefixes are dropped from names. No external entities: nothing is ever loaded.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kring::xml {

struct Element {
    std::string name;  // without namespace prefix
    std::vector<std::pair<std::string, std::string>> attrs;
    std::vector<int> children;  // indices into Document::elements
    std::string text;           // character data directly inside this element
    int line = 0;

    [[nodiscard]] std::string_view attr(std::string_view key) const {
        for (const auto& [k, v] : attrs)
            if (k == key) return v;
        return {};
    }
};

struct Document {
    std::vector<Element> elements;  // elements[0] is the root when ok()
    std::string error;              // "line N: what"
    [[nodiscard]] bool ok() const { return error.empty() && !elements.empty(); }
    [[nodiscard]] const Element& at(int i) const { return elements[static_cast<std::size_t>(i)]; }
};

[[nodiscard]] Document parse(std::string_view text);

}  // namespace kring::xml
