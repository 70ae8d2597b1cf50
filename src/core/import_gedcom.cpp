// GEDCOM 5.5 / 5.5.1 reader: bytes -> lines -> a tree of nodes -> SourceTree -> case.
#include "core/import_gedcom.hpp"

#include "core/text_encoding.hpp"

#include <cctype>
#include <unordered_map>

namespace kring {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

// ---------------------------------------------------------------- encoding

// Whether UTF-16 without a byte order mark starts the file ("0" as 30 00 or 00 30).
TextEncoding utf16_guess(std::string_view b) {
    if (b.size() >= 4 && b[0] == '0' && b[1] == '\0' && b[3] == '\0') return TextEncoding::Utf16Le;
    if (b.size() >= 4 && b[0] == '\0' && b[1] == '0' && b[2] == '\0') return TextEncoding::Utf16Be;
    return TextEncoding::Utf8;
}

// The value of "1 CHAR" in the header (raw bytes, ASCII-compatible encodings), upper case.
std::string declared_charset(std::string_view b) {
    const std::size_t limit = std::min<std::size_t>(b.size(), 64 * 1024);
    std::size_t pos = 0;
    bool first = true;
    while (pos < limit) {
        std::size_t end = b.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = b.size();
        std::string line = trim(b.substr(pos, end - pos));
        if (!first && line.starts_with("0 ")) break;  // end of HEAD
        first = false;
        if (line.starts_with("1 CHAR ")) return upper(trim(line.substr(7)));
        pos = end + 1;
    }
    return {};
}

struct Decoded {
    std::string text;
    TextEncoding encoding = TextEncoding::Utf8;
    std::string note;  // a warning about the encoding, when the file contradicts itself
    std::size_t bad = 0;
};

Decoded decode(std::string_view b) {
    Decoded d;
    std::size_t bom = 0;
    TextEncoding enc = detect_bom(b, bom);
    if (bom == 0) enc = utf16_guess(b);
    b.remove_prefix(bom);
    if (enc == TextEncoding::Utf16Le || enc == TextEncoding::Utf16Be) {
        d.encoding = enc;
        d.text = to_utf8(b, enc, &d.bad);
        return d;
    }
    if (bom == 3) {
        d.encoding = TextEncoding::Utf8;
        d.text = utf8_sanitize(b, &d.bad);
        return d;
    }
    const std::string cs = declared_charset(b);
    const bool high = has_non_ascii(b);
    const bool valid = !high || is_valid_utf8(b);
    if (cs == "ANSEL") {
        enc = TextEncoding::Ansel;
        if (high && valid) {
            enc = TextEncoding::Utf8;
            d.note = "the header says ANSEL but the text is UTF-8; read as UTF-8";
        }
    } else if (cs == "ANSI" || cs == "WINDOWS-1252" || cs == "CP1252" || cs == "WINDOWS" || cs == "IBMPC" ||
               cs == "IBM WINDOWS" || cs == "MACINTOSH") {
        enc = TextEncoding::Cp1252;
        if (cs == "IBMPC" || cs == "MACINTOSH") d.note = "character set " + cs + " read as Windows-1252";
    } else if (cs == "ISO-8859-1" || cs == "ISO8859-1" || cs == "LATIN1" || cs == "LATIN-1" || cs == "ISO-LATIN-1" ||
               cs == "ISO_8859-1") {
        enc = TextEncoding::Latin1;
    } else if (cs == "ASCII" || cs == "ANSI-ASCII" || cs == "US-ASCII") {
        enc = TextEncoding::Ascii;
        if (high) {
            enc = valid ? TextEncoding::Utf8 : TextEncoding::Cp1252;
            d.note = std::string("the header says ASCII but the text has other characters; read as ") +
                     std::string(encoding_name(enc));
        }
    } else {
        // UTF-8, UNICODE (in an 8-bit file), missing or unknown.
        enc = TextEncoding::Utf8;
        if (!valid) {
            enc = TextEncoding::Cp1252;
            d.note = (cs.empty() ? std::string("no character set in the header")
                                 : "the header says " + cs) + " but the text is not UTF-8; read as Windows-1252";
        } else if (!cs.empty() && cs != "UTF-8" && cs != "UTF8" && cs != "UNICODE") {
            d.note = "unknown character set " + cs + "; read as UTF-8";
        }
    }
    d.encoding = enc;
    d.text = to_utf8(b, enc, &d.bad);
    return d;
}

// ---------------------------------------------------------------- lines -> nodes

struct Node {
    int level = 0;
    int line = 0;
    std::string xref;  // without '@'
    std::string tag;   // upper case
    std::string value;
    int first_child = -1;
    int next = -1;
};

struct Tree {
    std::vector<Node> nodes;
    std::vector<int> records;  // level-0 nodes
};

Tree parse_lines(const std::string& text, const std::string& origin, ImportReport& rep) {
    Tree t;
    t.nodes.reserve(text.size() / 16);
    std::vector<int> stack;   // open node per level
    std::vector<int> last_child;  // last child per open node (parallel to stack)
    int lineno = 0;
    int bad_lines = 0;
    std::size_t pos = 0;
    const std::size_t n = text.size();
    while (pos < n) {
        std::size_t end = pos;
        while (end < n && text[end] != '\r' && text[end] != '\n') ++end;
        std::string_view line(text.data() + pos, end - pos);
        ++lineno;
        pos = end;
        if (pos < n && text[pos] == '\r') {
            ++pos;
            if (pos < n && text[pos] == '\n') ++pos;  // CRLF
        } else if (pos < n) {
            ++pos;  // LF
        }
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i == line.size()) continue;  // empty line
        std::size_t ds = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
        auto bad = [&](const char* what) {
            if (++bad_lines <= 20)
                rep.warnings.push_back(origin + ":" + std::to_string(lineno) + ": " + what + "; line skipped");
        };
        if (i == ds || i - ds > 2 || i >= line.size() || line[i] != ' ') {
            bad("not a GEDCOM line (expected a level number and a tag)");
            continue;
        }
        const int level = std::stoi(std::string(line.substr(ds, i - ds)));
        while (i < line.size() && line[i] == ' ') ++i;
        Node node;
        node.level = level;
        node.line = lineno;
        if (i < line.size() && line[i] == '@') {
            std::size_t close = line.find('@', i + 1);
            if (close == std::string_view::npos) {
                bad("unterminated @id@");
                continue;
            }
            node.xref = std::string(line.substr(i + 1, close - i - 1));
            i = close + 1;
            while (i < line.size() && line[i] == ' ') ++i;
        }
        std::size_t ts = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i == ts) {
            bad("a line without a tag");
            continue;
        }
        node.tag = upper(line.substr(ts, i - ts));
        if (i < line.size()) node.value = std::string(line.substr(i + 1));  // one delimiter space
        // Close deeper levels.
        while (!stack.empty() && t.nodes[static_cast<std::size_t>(stack.back())].level >= level) {
            stack.pop_back();
            last_child.pop_back();
        }
        if (level > 0 && stack.empty()) {
            bad("a line outside any record");
            continue;
        }
        if (node.tag == "CONC" || node.tag == "CONT") {
            Node& parent = t.nodes[static_cast<std::size_t>(stack.back())];
            if (node.tag == "CONT") parent.value += '\n';
            parent.value += node.value;
            continue;
        }
        const int idx = static_cast<int>(t.nodes.size());
        t.nodes.push_back(std::move(node));
        if (level == 0) {
            t.records.push_back(idx);
        } else {
            const int parent = stack.back();
            int& lc = last_child.back();
            if (lc < 0)
                t.nodes[static_cast<std::size_t>(parent)].first_child = idx;
            else
                t.nodes[static_cast<std::size_t>(lc)].next = idx;
            lc = idx;
        }
        stack.push_back(idx);
        last_child.push_back(-1);
    }
    if (bad_lines > 20)
        rep.warnings.push_back(origin + ": " + std::to_string(bad_lines - 20) + " more lines that are not GEDCOM were skipped");
    return t;
}

// ---------------------------------------------------------------- nodes -> source tree

class Reader {
public:
    Reader(const Tree& t, const std::string& origin, ImportResult& out) : t_(t), origin_(origin), out_(out) {}

    SourceTree read();

private:
    const Node& node(int i) const { return t_.nodes[static_cast<std::size_t>(i)]; }
    template <class F>
    void children(int i, F f) const {
        for (int c = node(i).first_child; c >= 0; c = node(c).next) f(c);
    }
    void skip(int i, const std::string& path) { ++out_.report.skipped_tags[path + "." + node(i).tag]; }
    void warn(int line, const std::string& what) {
        out_.report.warnings.push_back(origin_ + ":" + std::to_string(line) + ": " + what);
    }
    static std::string pointer(const std::string& v) {
        std::string s = trim(v);
        if (s.size() > 2 && s.front() == '@' && s.back() == '@') return s.substr(1, s.size() - 2);
        return {};
    }
    SourceEvent event(int i, const std::string& path);
    std::string note_text(int i, const std::string& path);
    void read_head(int i);
    void read_person(int i, SourcePerson& p, std::size_t self);
    void read_family(int i, SourceFamily& f);

    struct ChildLink {
        int family = -1;
        ParentKind pedi = ParentKind::Biological;
        std::string pedi_text;
        bool adopted_by_father = false, adopted_by_mother = false;
        bool has_pedi = false;
        bool has_frel = false, has_mrel = false;  // _FREL/_MREL under INDI.FAMC (Gramps writes them there)
        ParentKind frel = ParentKind::Biological, mrel = ParentKind::Biological;
        std::string frel_text, mrel_text;
    };

    const Tree& t_;
    const std::string& origin_;
    ImportResult& out_;
    std::unordered_map<std::string, int> person_index_, family_index_, note_index_;
    std::vector<std::vector<ChildLink>> links_;  // per person: FAMC links
    SourceTree tree_;
};

SourceEvent Reader::event(int i, const std::string& path) {
    SourceEvent e;
    e.present = true;
    const std::string here = path + "." + node(i).tag;
    children(i, [&](int c) {
        const Node& n = node(c);
        if (n.tag == "DATE" && e.date.empty() && e.original.empty()) {
            GedcomDate d = parse_gedcom_date(n.value);
            e.date = d.date;
            if (!d.exact) e.original = trim(n.value);
            if (!d.problem.empty()) warn(n.line, "date \"" + trim(n.value) + "\": " + d.problem + "; kept in the notes");
        } else {
            skip(c, here);
        }
    });
    return e;
}

std::string Reader::note_text(int i, const std::string& path) {
    const Node& n = node(i);
    children(i, [&](int c) { skip(c, path + ".NOTE"); });
    std::string ref = pointer(n.value);
    if (!ref.empty()) {
        auto it = note_index_.find(ref);
        if (it == note_index_.end()) {
            warn(n.line, "note @" + ref + "@ does not exist");
            return {};
        }
        return node(it->second).value;
    }
    return n.value;
}

void Reader::read_head(int i) {
    ImportReport& rep = out_.report;
    std::string version;
    children(i, [&](int c) {
        const Node& n = node(c);
        if (n.tag == "SOUR") {
            std::string name = trim(n.value), vers;
            children(c, [&](int d) {
                if (node(d).tag == "VERS") vers = trim(node(d).value);
                if (node(d).tag == "NAME" && !trim(node(d).value).empty()) name = trim(node(d).value);
            });
            rep.source_program = name + (vers.empty() ? "" : " " + vers);
        } else if (n.tag == "GEDC") {
            children(c, [&](int d) {
                if (node(d).tag == "VERS") version = trim(node(d).value);
            });
        }
    });
    rep.format = version.empty() ? "GEDCOM" : "GEDCOM " + version;
}

void Reader::read_person(int i, SourcePerson& p, std::size_t self) {
    const Node& r = node(i);
    p.id = r.xref;
    p.line = r.line;
    bool named = false;
    auto& links = links_[self];
    children(i, [&](int c) {
        const Node& n = node(c);
        if (n.tag == "NAME") {
            if (named) {
                skip(c, "INDI");
                return;
            }
            named = true;
            std::string v = n.value;
            std::string given, surname, suffix;
            auto s1 = v.find('/');
            if (s1 == std::string::npos) {
                given = trim(v);
            } else {
                given = trim(v.substr(0, s1));
                auto s2 = v.find('/', s1 + 1);
                surname = trim(v.substr(s1 + 1, s2 == std::string::npos ? std::string::npos : s2 - s1 - 1));
                if (s2 != std::string::npos) suffix = trim(v.substr(s2 + 1));
            }
            std::string givn, surn, spfx;
            children(c, [&](int d) {
                const Node& m = node(d);
                if (m.tag == "GIVN") givn = trim(m.value);
                else if (m.tag == "SURN") surn = trim(m.value);
                else if (m.tag == "SPFX") spfx = trim(m.value);
                else if (m.tag == "NICK") p.nickname = trim(m.value);
                else if (m.tag == "NSFX" && suffix.empty()) suffix = trim(m.value);
                else skip(d, "INDI.NAME");
            });
            if (given.empty()) given = givn;
            if (surname.empty()) surname = surn;
            if (!spfx.empty() && !upper(surname).starts_with(upper(spfx))) surname = spfx + " " + surname;
            if (!suffix.empty()) given += (given.empty() ? "" : " ") + suffix;
            p.given = given;
            p.family = surname;
        } else if (n.tag == "SEX") {
            std::string v = upper(trim(n.value));
            p.sex = v.starts_with("M") ? Sex::Male : v.starts_with("F") ? Sex::Female : v == "X" ? Sex::Other : Sex::Unknown;
        } else if (n.tag == "BIRT") {
            SourceEvent e = event(c, "INDI");
            if (!p.birth.present || (p.birth.date.empty() && p.birth.original.empty())) p.birth = e;
        } else if (n.tag == "DEAT") {
            SourceEvent e = event(c, "INDI");
            if (upper(trim(n.value)) == "N") return;
            if (!p.death.present || (p.death.date.empty() && p.death.original.empty())) p.death = e;
            p.deceased = true;
        } else if (n.tag == "BURI" || n.tag == "CREM") {
            p.deceased = true;
            children(c, [&](int d) { skip(d, "INDI." + n.tag); });
        } else if (n.tag == "NOTE") {
            std::string text = note_text(c, "INDI");
            if (!trim(text).empty()) p.notes.push_back(text);
        } else if (n.tag == "FAMC") {
            std::string ref = pointer(n.value);
            auto it = family_index_.find(ref);
            if (it == family_index_.end()) {
                warn(n.line, "family @" + ref + "@ does not exist");
                return;
            }
            ChildLink l;
            l.family = it->second;
            children(c, [&](int d) {
                if (node(d).tag == "PEDI") {
                    bool standard = true;
                    l.pedi = parent_kind_from_text(node(d).value, standard);
                    if (!standard) l.pedi_text = trim(node(d).value);
                    l.has_pedi = true;
                } else if (node(d).tag == "_FREL" || node(d).tag == "_MREL") {
                    bool standard = true;
                    const bool father = node(d).tag == "_FREL";
                    (father ? l.frel : l.mrel) = parent_kind_from_text(node(d).value, standard);
                    (father ? l.frel_text : l.mrel_text) = standard ? std::string() : trim(node(d).value);
                    (father ? l.has_frel : l.has_mrel) = true;
                } else {
                    skip(d, "INDI.FAMC");
                }
            });
            bool merged = false;
            for (auto& x : links)
                if (x.family == l.family) {
                    if (l.has_pedi) {
                        x.pedi = l.pedi;
                        x.pedi_text = l.pedi_text;
                        x.has_pedi = true;
                    }
                    if (l.has_frel) {
                        x.frel = l.frel;
                        x.frel_text = l.frel_text;
                        x.has_frel = true;
                    }
                    if (l.has_mrel) {
                        x.mrel = l.mrel;
                        x.mrel_text = l.mrel_text;
                        x.has_mrel = true;
                    }
                    merged = true;
                }
            if (!merged) links.push_back(l);
        } else if (n.tag == "ADOP") {
            children(c, [&](int d) {
                const Node& m = node(d);
                if (m.tag != "FAMC") {
                    skip(d, "INDI.ADOP");
                    return;
                }
                auto it = family_index_.find(pointer(m.value));
                if (it == family_index_.end()) {
                    warn(m.line, "family " + trim(m.value) + " does not exist");
                    return;
                }
                std::string by = "BOTH";
                children(d, [&](int e) {
                    if (node(e).tag == "ADOP") by = upper(trim(node(e).value));
                });
                ChildLink* l = nullptr;
                for (auto& x : links)
                    if (x.family == it->second) l = &x;
                if (!l) {
                    links.emplace_back();
                    links.back().family = it->second;
                    l = &links.back();
                }
                l->adopted_by_father = by != "WIFE";
                l->adopted_by_mother = by != "HUSB";
            });
        } else if (n.tag == "FAMS") {
            // The family record lists its partners; nothing to add here.
        } else {
            skip(c, "INDI");
        }
    });
}

void Reader::read_family(int i, SourceFamily& f) {
    const Node& r = node(i);
    f.id = r.xref;
    f.line = r.line;
    auto person = [&](const Node& n) -> int {
        std::string ref = pointer(n.value);
        auto it = person_index_.find(ref);
        if (it == person_index_.end()) {
            warn(n.line, "family @" + r.xref + "@: person " + trim(n.value) + " does not exist");
            return -1;
        }
        return it->second;
    };
    children(i, [&](int c) {
        const Node& n = node(c);
        if (n.tag == "HUSB" || n.tag == "WIFE") {
            int p = person(n);
            int& slot = n.tag == "HUSB" ? f.father : f.mother;
            if (slot >= 0 && p >= 0)
                warn(n.line, "family @" + r.xref + "@ has a second " + n.tag + "; the first is kept");
            else
                slot = p;
            children(c, [&](int d) { skip(d, "FAM." + n.tag); });
        } else if (n.tag == "CHIL") {
            SourceChild ch;
            ch.person = person(n);
            if (ch.person < 0) return;
            for (const auto& x : f.children)
                if (x.person == ch.person) return;  // listed twice
            children(c, [&](int d) {
                const Node& m = node(d);
                bool standard = true;
                if (m.tag == "_FREL" || m.tag == "_MREL" || m.tag == "PEDI") {
                    ParentKind k = parent_kind_from_text(m.value, standard);
                    std::string text = standard ? std::string() : trim(m.value);
                    if (m.tag != "_MREL") {
                        ch.father = k;
                        ch.father_text = text;
                    }
                    if (m.tag != "_FREL") {
                        ch.mother = k;
                        ch.mother_text = text;
                    }
                } else {
                    skip(d, "FAM.CHIL");
                }
            });
            f.children.push_back(ch);
        } else if (n.tag == "MARR") {
            f.marriage = event(c, "FAM");
        } else if (n.tag == "DIV" || n.tag == "ANUL") {
            if (upper(trim(n.value)) == "N") return;
            f.divorce = event(c, "FAM");
        } else if (n.tag == "DIVF" || n.tag == "_SEPR" || n.tag == "_SEPARATED") {
            f.separation = event(c, "FAM");
        } else if (n.tag == "ENGA") {
            f.engagement = event(c, "FAM");
        } else if (n.tag == "EVEN") {
            std::string type;
            children(c, [&](int d) {
                if (node(d).tag == "TYPE") type = upper(trim(node(d).value));
            });
            if (type == "SEPARATION" || type == "SEPARATED") {
                f.separation = event(c, "FAM");
            } else {
                skip(c, "FAM");
            }
        } else if (n.tag == "NOTE") {
            std::string text = note_text(c, "FAM");
            if (!trim(text).empty()) f.notes.push_back(text);
        } else if (n.tag == "_KRING_STATUS") {
            for (const auto& [name, st] :
                 std::initializer_list<std::pair<const char*, PartnerStatus>>{
                     {"married", PartnerStatus::Married},       {"cohabiting", PartnerStatus::Cohabiting},
                     {"living-apart", PartnerStatus::LivingApart}, {"engaged", PartnerStatus::Engaged},
                     {"separated", PartnerStatus::Separated},   {"divorced", PartnerStatus::Divorced},
                     {"widowed", PartnerStatus::Widowed}})
                if (trim(n.value) == name) f.status = st;
        } else if (n.tag == "_KRING_NOPARTNER") {
            f.no_partner_relation = true;
        } else if (n.tag == "_KRING_START" || n.tag == "_KRING_END") {
            auto d = PartialDate::parse(trim(n.value));
            if (d) (n.tag == "_KRING_START" ? f.start : f.end) = *d;
        } else if (n.tag == "_KRING_CONSANG") {
            f.consanguineous = true;
        } else {
            skip(c, "FAM");
        }
    });
}

SourceTree Reader::read() {
    // Pass 1: ids of every record, so that references work in any order.
    for (int rec : t_.records) {
        const Node& n = node(rec);
        if (n.tag == "INDI") {
            if (n.xref.empty() || person_index_.contains(n.xref)) {
                warn(n.line, n.xref.empty() ? "an individual without an @id@; imported, but nobody can refer to it"
                                            : "the id @" + n.xref + "@ is used twice; the second is imported separately");
            } else {
                person_index_.emplace(n.xref, static_cast<int>(tree_.persons.size()));
            }
            tree_.persons.emplace_back();
        } else if (n.tag == "FAM") {
            family_index_.emplace(n.xref, static_cast<int>(tree_.families.size()));
            tree_.families.emplace_back();
        } else if (n.tag == "NOTE" && !n.xref.empty()) {
            note_index_.emplace(n.xref, rec);
        }
    }
    links_.resize(tree_.persons.size());
    // Pass 2: the records.
    std::size_t pi = 0, fi = 0;
    bool head = false, trailer = false;
    for (int rec : t_.records) {
        const Node& n = node(rec);
        if (n.tag == "HEAD") {
            head = true;
            read_head(rec);
        } else if (n.tag == "INDI") {
            const std::size_t my = pi++;
            SourcePerson& p = tree_.persons[my];
            read_person(rec, p, my);
            auto it = person_index_.find(n.xref);
            if (!n.xref.empty() && (it == person_index_.end() || it->second != static_cast<int>(my)))
                p.id = n.xref + "#" + std::to_string(n.line);  // a second record with the same id
        } else if (n.tag == "FAM") {
            read_family(rec, tree_.families[fi++]);
        } else if (n.tag == "NOTE") {
            // Used through the pointers.
        } else if (n.tag == "TRLR") {
            trailer = true;
        } else {
            ++out_.report.skipped_tags[n.tag];
        }
    }
    if (!head) warn(0, "no HEAD record; read anyway");
    if (!trailer && !t_.records.empty()) warn(0, "no TRLR record at the end; the file may be cut short");
    // Children: the family's CHIL lines with the relation from INDI.FAMC.PEDI, ADOP and
    // _FREL/_MREL (most specific last). Children only listed by their own FAMC are added.
    for (std::size_t p = 0; p < links_.size(); ++p) {
        for (const ChildLink& l : links_[p]) {
            SourceFamily& f = tree_.families[static_cast<std::size_t>(l.family)];
            SourceChild* ch = nullptr;
            for (auto& x : f.children)
                if (x.person == static_cast<int>(p)) ch = &x;
            if (!ch) {
                f.children.emplace_back();
                f.children.back().person = static_cast<int>(p);
                ch = &f.children.back();
            }
            const bool explicit_f = ch->father != ParentKind::Biological || !ch->father_text.empty();
            const bool explicit_m = ch->mother != ParentKind::Biological || !ch->mother_text.empty();
            if (l.has_pedi) {
                if (!explicit_f) {
                    ch->father = l.pedi;
                    ch->father_text = l.pedi_text;
                }
                if (!explicit_m) {
                    ch->mother = l.pedi;
                    ch->mother_text = l.pedi_text;
                }
            }
            if (l.adopted_by_father && !explicit_f) ch->father = ParentKind::Adopted;
            if (l.adopted_by_mother && !explicit_m) ch->mother = ParentKind::Adopted;
            if (l.has_frel && !explicit_f) {
                ch->father = l.frel;
                ch->father_text = l.frel_text;
            }
            if (l.has_mrel && !explicit_m) {
                ch->mother = l.mrel;
                ch->mother_text = l.mrel_text;
            }
        }
    }
    return std::move(tree_);
}

}  // namespace

bool looks_like_gedcom(std::string_view b) {
    std::size_t bom = 0;
    TextEncoding enc = detect_bom(b, bom);
    if (bom == 0) enc = utf16_guess(b);
    b.remove_prefix(bom);
    std::string head;
    if (enc == TextEncoding::Utf16Le || enc == TextEncoding::Utf16Be)
        head = to_utf8(b.substr(0, std::min<std::size_t>(b.size(), 64) & ~std::size_t(1)), enc);
    else
        head = std::string(b.substr(0, 32));
    std::size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string::npos) return false;
    head = upper(head.substr(i));
    return head.starts_with("0 HEAD") || head.starts_with("0 @");
}

void import_gedcom(std::string_view bytes, const std::string& origin, const ImportOptions& opt, ImportResult& out) {
    ImportReport& rep = out.report;
    Decoded d = decode(bytes);
    rep.encoding = std::string(encoding_name(d.encoding));
    if (!d.note.empty()) rep.warnings.push_back(origin + ": " + d.note);
    if (d.bad)
        rep.warnings.push_back(origin + ": " + std::to_string(d.bad) + " bytes could not be read as " + rep.encoding +
                               " and were replaced by \xEF\xBF\xBD");
    Tree tree = parse_lines(d.text, origin, rep);
    if (tree.records.empty()) {
        out.error = origin + ": no GEDCOM records found";
        return;
    }
    Reader reader(tree, origin, out);
    SourceTree src = reader.read();
    if (rep.format.empty()) rep.format = "GEDCOM";
    build_case(src, opt, origin, out);
}

}  // namespace kring
