// Gramps XML reader: gzip/tar unpacking, then people, families, events and notes.
#include "core/import_gramps.hpp"

#include "core/import_gedcom.hpp"
#include "core/import_xml.hpp"
#include "core/text_encoding.hpp"

#include <zlib.h>

#include <cctype>
#include <cstring>
#include <unordered_map>

namespace kring {

bool gunzip(std::string_view in, std::string& out, std::string& error, std::uintmax_t max_bytes) {
    out.clear();
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        error = "cannot start decompression";
        return false;
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 16];
    int rc = Z_OK;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buf, sizeof buf - zs.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&zs);
            error = "the compressed file unpacks to more than " + std::to_string(max_bytes / (1024 * 1024)) + " MiB";
            return false;
        }
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0) break;
            if (inflateReset(&zs) != Z_OK) break;  // another gzip member follows
            continue;
        }
        if (zs.avail_in == 0 && zs.avail_out != 0) {
            rc = Z_BUF_ERROR;
            break;
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        error = rc == Z_BUF_ERROR ? "the compressed data ends too early (the file may be cut short)"
                                  : "the compressed data is damaged";
        return false;
    }
    return true;
}

bool looks_like_gramps_xml(std::string_view b) {
    if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
    std::size_t i = b.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || b[i] != '<') return false;
    std::string_view head = b.substr(i, 2048);
    if (!head.starts_with("<?xml") && !head.starts_with("<!") && !head.starts_with("<database")) return false;
    return head.find("<database") != std::string_view::npos || head.find("gramps") != std::string_view::npos ||
           head.find("Gramps") != std::string_view::npos;
}

namespace {

// A member of a tar archive (ustar), or empty when not found.
std::string_view tar_member(std::string_view tar, std::string_view suffix) {
    std::size_t pos = 0;
    while (pos + 512 <= tar.size()) {
        std::string_view h = tar.substr(pos, 512);
        if (h[0] == '\0') break;
        std::string name(h.substr(0, 100).data(), strnlen(h.data(), 100));
        std::uintmax_t size = 0;
        for (char c : h.substr(124, 12)) {
            if (c < '0' || c > '7') break;
            size = size * 8 + static_cast<unsigned>(c - '0');
        }
        pos += 512;
        if (size > tar.size() - pos) return {};
        if (name.ends_with(suffix) && (h[156] == '0' || h[156] == '\0')) return tar.substr(pos, size);
        pos += (size + 511) / 512 * 512;
    }
    return {};
}

std::string text_of(const xml::Document& d, const xml::Element& e, std::string_view child) {
    for (int c : e.children)
        if (d.at(c).name == child) return d.at(c).text;
    return {};
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}

// "1987-08-29" / "1585" / "1750-03" (Gramps dateval) -> "29 AUG 1987" (GEDCOM form).
std::string gramps_val(std::string_view v) {
    int parts[3] = {0, 0, 0};
    int k = 0;
    std::size_t i = 0;
    while (i < v.size() && k < 3) {
        int x = 0;
        bool any = false;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
            if (x > 99999) return {};  // no year, month or day has this many digits
            x = x * 10 + (v[i] - '0');
            any = true;
            ++i;
        }
        if (!any) return {};
        parts[k++] = x;
        if (i < v.size() && v[i] == '-') ++i;
        else break;
    }
    PartialDate d;
    d.year = parts[0];
    d.month = parts[1];
    d.day = d.month ? parts[2] : 0;
    if (d.year == 0) return {};
    return format_gedcom_date(d);
}

// The date of a Gramps <event> written as a GEDCOM date value, which the GEDCOM date
// parser then reads: both importers follow exactly the same rules.
std::string event_date_text(const xml::Document& d, const xml::Element& ev) {
    for (int c : ev.children) {
        const xml::Element& e = d.at(c);
        std::string prefix;
        std::string_view cal = e.attr("cformat");
        if (cal == "Julian") prefix = "@#DJULIAN@ ";
        else if (cal == "Hebrew") prefix = "@#DHEBREW@ ";
        else if (cal == "French Republican" || cal == "French") prefix = "@#DFRENCH R@ ";
        else if (!cal.empty()) {
            // No GEDCOM calendar escape for it: kept as a phrase, word for word in the notes.
            std::string v = e.name == "dateval" ? std::string(e.attr("val"))
                                                : std::string(e.attr("start")) + " - " + std::string(e.attr("stop"));
            return "(" + v + ", " + std::string(cal) + " calendar)";
        }
        std::string_view quality = e.attr("quality");
        std::string q = quality == "estimated" ? "EST " : quality == "calculated" ? "CAL " : "";
        if (e.name == "dateval") {
            std::string v = gramps_val(e.attr("val"));
            if (v.empty()) return std::string(e.attr("val"));
            std::string_view type = e.attr("type");
            std::string t = type == "about" ? "ABT " : type == "before" ? "BEF " : type == "after" ? "AFT " : "";
            if (!t.empty() && !q.empty()) q.clear();
            return q + t + prefix + v;
        }
        if (e.name == "daterange" || e.name == "datespan") {
            std::string a = gramps_val(e.attr("start")), b = gramps_val(e.attr("stop"));
            if (a.empty() || b.empty()) return std::string(e.attr("start")) + " - " + std::string(e.attr("stop"));
            return e.name == "daterange" ? "BET " + prefix + a + " AND " + b : "FROM " + prefix + a + " TO " + b;
        }
        if (e.name == "datestr") return "(" + std::string(e.attr("val")) + ")";
    }
    return {};
}

}  // namespace

void import_gramps(std::string_view bytes, const std::string& origin, const ImportOptions& opt, ImportResult& out) {
    ImportReport& rep = out.report;
    rep.encoding = "UTF-8";
    rep.format = "Gramps XML";
    std::string inflated, inner;
    std::string_view text = bytes;
    if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0x1F && static_cast<unsigned char>(text[1]) == 0x8B) {
        std::string err;
        if (!gunzip(text, inflated, err, kMaxImportBytes)) {
            out.error = origin + ": " + err;
            return;
        }
        text = inflated;
        if (text.size() > 262 && text.substr(257, 5) == "ustar") {
            std::string_view data = tar_member(text, "data.gramps");
            if (data.empty()) {
                out.error = origin + ": a Gramps package without data.gramps";
                return;
            }
            rep.format = "Gramps package";
            if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
                static_cast<unsigned char>(data[1]) == 0x8B) {
                if (!gunzip(data, inner, err, kMaxImportBytes)) {
                    out.error = origin + ": data.gramps: " + err;
                    return;
                }
                text = inner;
            } else {
                inner = std::string(data);
                text = inner;
            }
        } else {
            rep.format = "Gramps XML (gzip)";
        }
    }
    if (!looks_like_gramps_xml(text)) {
        out.error = origin + ": not a Gramps XML file";
        return;
    }
    // Gramps writes UTF-8, but a damaged or hand-edited file may not be: replace each invalid
    // byte sequence by U+FFFD and say so, so that no invalid text enters the case.
    std::string cleaned;
    if (!is_valid_utf8(text)) {
        std::size_t bad = 0;
        cleaned = utf8_sanitize(text, &bad);
        text = cleaned;
        rep.warnings.push_back(origin + ":0: " + std::to_string(bad) +
                               " invalid UTF-8 byte sequence(s) replaced by \xEF\xBF\xBD");
    }
    xml::Document doc = xml::parse(text);
    if (!doc.ok()) {
        out.error = origin + ": " + doc.error;
        return;
    }
    const xml::Element& root = doc.at(0);
    if (root.name != "database") {
        out.error = origin + ": not a Gramps XML file (the document element is <" + root.name + ">, not <database>)";
        return;
    }
    // Index the sections.
    std::unordered_map<std::string, int> events, notes, person_by_handle, family_by_handle;
    std::vector<int> people, families;
    for (int s : root.children) {
        const xml::Element& sec = doc.at(s);
        if (sec.name == "header") {
            for (int c : sec.children)
                if (doc.at(c).name == "created") rep.source_program = "Gramps " + std::string(doc.at(c).attr("version"));
        } else if (sec.name == "events") {
            for (int c : sec.children) events.emplace(std::string(doc.at(c).attr("handle")), c);
        } else if (sec.name == "notes") {
            for (int c : sec.children) notes.emplace(std::string(doc.at(c).attr("handle")), c);
        } else if (sec.name == "people") {
            for (int c : sec.children)
                if (doc.at(c).name == "person") {
                    person_by_handle.emplace(std::string(doc.at(c).attr("handle")), static_cast<int>(people.size()));
                    people.push_back(c);
                }
        } else if (sec.name == "families") {
            for (int c : sec.children)
                if (doc.at(c).name == "family") {
                    family_by_handle.emplace(std::string(doc.at(c).attr("handle")), static_cast<int>(families.size()));
                    families.push_back(c);
                }
        } else if (sec.name != "name-formats" && sec.name != "bookmarks" && sec.name != "namemaps" &&
                   sec.name != "tags") {
            rep.skipped_tags[sec.name] += static_cast<int>(sec.children.size());
        }
    }
    auto warn = [&](int line, const std::string& what) {
        rep.warnings.push_back(origin + ":" + std::to_string(line) + ": " + what);
    };
    auto note_of = [&](const xml::Element& ref) -> std::string {
        auto it = notes.find(std::string(ref.attr("hlink")));
        if (it == notes.end()) {
            warn(ref.line, "note " + std::string(ref.attr("hlink")) + " does not exist");
            return {};
        }
        return text_of(doc, doc.at(it->second), "text");
    };
    // An event referenced by a person or family: its type and date.
    auto event_of = [&](const xml::Element& ref, std::string& type) -> const xml::Element* {
        auto it = events.find(std::string(ref.attr("hlink")));
        if (it == events.end()) {
            warn(ref.line, "event " + std::string(ref.attr("hlink")) + " does not exist");
            return nullptr;
        }
        const xml::Element& ev = doc.at(it->second);
        type = trim(text_of(doc, ev, "type"));
        return &ev;
    };
    auto source_event = [&](const xml::Element& ev) {
        SourceEvent e;
        e.present = true;
        std::string t = event_date_text(doc, ev);
        if (t.empty()) return e;
        GedcomDate d = parse_gedcom_date(t);
        e.date = d.date;
        if (!d.exact) e.original = t;
        return e;
    };

    SourceTree tree;
    tree.persons.resize(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const xml::Element& pe = doc.at(people[i]);
        SourcePerson& p = tree.persons[i];
        p.id = std::string(pe.attr("id"));
        p.line = pe.line;
        bool named = false;
        for (int c : pe.children) {
            const xml::Element& e = doc.at(c);
            if (e.name == "gender") {
                std::string g = trim(e.text);
                p.sex = g == "M" ? Sex::Male : g == "F" ? Sex::Female : g == "X" ? Sex::Other : Sex::Unknown;
            } else if (e.name == "name") {
                if (named || e.attr("alt") == "1") {
                    ++rep.skipped_tags["person.name (alternative)"];
                    continue;
                }
                named = true;
                std::string first, suffix, call, nick, family;
                for (int k : e.children) {
                    const xml::Element& n = doc.at(k);
                    if (n.name == "first") first = trim(n.text);
                    else if (n.name == "call") call = trim(n.text);
                    else if (n.name == "nick") nick = trim(n.text);
                    else if (n.name == "suffix") suffix = trim(n.text);
                    else if (n.name == "surname") {
                        std::string part = trim(n.text);
                        std::string prefix = std::string(n.attr("prefix"));
                        if (!prefix.empty()) part = prefix + (part.empty() ? "" : " " + part);
                        if (part.empty()) continue;
                        if (!family.empty()) family += ' ';
                        family += part;
                    } else {
                        ++rep.skipped_tags["person.name." + n.name];
                    }
                }
                if (!suffix.empty()) first += (first.empty() ? "" : " ") + suffix;
                p.given = first;
                p.family = family;
                p.nickname = !nick.empty() ? nick : call;
            } else if (e.name == "eventref") {
                std::string type;
                const xml::Element* ev = event_of(e, type);
                if (!ev) continue;
                std::string_view role = e.attr("role");
                const bool primary = role.empty() || role == "Primary";
                if (primary && type == "Birth" && !p.birth.present) {
                    p.birth = source_event(*ev);
                } else if (primary && type == "Death" && !p.death.present) {
                    p.death = source_event(*ev);
                    p.deceased = true;
                } else if (primary && (type == "Burial" || type == "Cremation")) {
                    p.deceased = true;
                } else {
                    ++rep.skipped_tags["event " + (type.empty() ? std::string("?") : type)];
                }
            } else if (e.name == "noteref") {
                std::string t = note_of(e);
                if (!trim(t).empty()) p.notes.push_back(t);
            } else if (e.name == "childof" || e.name == "parentin") {
                // The families list their members.
            } else {
                ++rep.skipped_tags["person." + e.name];
            }
        }
    }

    tree.families.resize(families.size());
    auto person_ref = [&](const xml::Element& e) -> int {
        auto it = person_by_handle.find(std::string(e.attr("hlink")));
        if (it == person_by_handle.end()) {
            warn(e.line, "person " + std::string(e.attr("hlink")) + " does not exist");
            return -1;
        }
        return it->second;
    };
    for (std::size_t i = 0; i < families.size(); ++i) {
        const xml::Element& fe = doc.at(families[i]);
        SourceFamily& f = tree.families[i];
        f.id = std::string(fe.attr("id"));
        f.line = fe.line;
        std::string rel;
        for (int c : fe.children) {
            const xml::Element& e = doc.at(c);
            if (e.name == "father") f.father = person_ref(e);
            else if (e.name == "mother") f.mother = person_ref(e);
            else if (e.name == "rel") rel = std::string(e.attr("type"));
            else if (e.name == "childref") {
                SourceChild ch;
                ch.person = person_ref(e);
                if (ch.person < 0) continue;
                bool standard = true;
                ch.father = parent_kind_from_text(e.attr("frel"), standard);
                if (!standard) ch.father_text = std::string(e.attr("frel"));
                ch.mother = parent_kind_from_text(e.attr("mrel"), standard);
                if (!standard) ch.mother_text = std::string(e.attr("mrel"));
                f.children.push_back(ch);
            } else if (e.name == "eventref") {
                std::string type;
                const xml::Element* ev = event_of(e, type);
                if (!ev) continue;
                if (type == "Marriage") f.marriage = source_event(*ev);
                else if (type == "Divorce" || type == "Annulment") f.divorce = source_event(*ev);
                else if (type == "Divorce Filing") f.separation = source_event(*ev);
                else if (type == "Engagement") f.engagement = source_event(*ev);
                else ++rep.skipped_tags["event " + (type.empty() ? std::string("?") : type)];
            } else if (e.name == "noteref") {
                std::string t = note_of(e);
                if (!trim(t).empty()) f.notes.push_back(t);
            } else {
                ++rep.skipped_tags["family." + e.name];
            }
        }
        if (rel == "Married" || rel == "Civil Union") f.married_hint = true;
        else if (rel == "Unmarried" && !f.divorce.present && !f.separation.present && !f.marriage.present)
            f.status = PartnerStatus::Cohabiting;
    }
    build_case(tree, opt, origin, out);
}

}  // namespace kring
