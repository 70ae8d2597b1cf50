// Import: format detection, the shared source-tree -> case step, merging and the summary.
// The readers themselves are in import_gedcom.cpp and import_gramps.cpp.
#include "core/import.hpp"

#include "core/import_gedcom.hpp"
#include "core/import_gramps.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace kring {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

// ---------------------------------------------------------------- formats

ImportFormat detect_format(std::string_view b) {
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B)
        return ImportFormat::GrampsGzip;  // package or compressed XML: told apart after inflating
    if (looks_like_gedcom(b)) return ImportFormat::Gedcom;
    if (looks_like_gramps_xml(b)) return ImportFormat::GrampsXml;
    return ImportFormat::Unknown;
}

std::string_view format_name(ImportFormat f) {
    switch (f) {
    case ImportFormat::Gedcom: return "GEDCOM";
    case ImportFormat::GrampsXml: return "Gramps XML";
    case ImportFormat::GrampsGzip: return "Gramps XML (gzip)";
    case ImportFormat::GrampsPackage: return "Gramps package";
    case ImportFormat::Unknown: break;
    }
    return "unknown";
}

ImportResult import_bytes(std::string_view bytes, const std::string& origin, const ImportOptions& opt) {
    ImportResult out;
    switch (detect_format(bytes)) {
    case ImportFormat::Gedcom: import_gedcom(bytes, origin, opt, out); break;
    case ImportFormat::GrampsXml:
    case ImportFormat::GrampsGzip:
    case ImportFormat::GrampsPackage: import_gramps(bytes, origin, opt, out); break;
    case ImportFormat::Unknown: {
        std::string what = bytes.empty() ? "the file is empty"
                                         : "not a GEDCOM file (no \"0 HEAD\" line) and not a Gramps XML file";
        out.error = origin + ": " + what;
        return out;
    }
    }
    return out;
}

ImportResult import_file(const std::filesystem::path& path, const ImportOptions& opt) {
    ImportResult out;
    const std::string origin = path.string();
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) {
        out.error = origin + ": file not found";
        return out;
    }
    if (std::filesystem::is_directory(st)) {
        out.error = origin + ": is a folder, not a file";
        return out;
    }
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxImportBytes) {
        out.error = origin + ": file is too large to import (" + std::to_string(size / (1024 * 1024)) + " MiB)";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = origin + ": cannot be read (" + std::strerror(errno) + ")";
        return out;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return import_bytes(ss.str(), origin, opt);
}

// ---------------------------------------------------------------- source tree -> case

std::string import_label(std::string_view key, Lang lang) {
    return std::string(tr("import." + std::string(key), lang));
}

ParentKind parent_kind_from_text(std::string_view text, bool& standard) {
    standard = true;
    std::string t = lower(text);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(0, 1);
    if (t.empty() || t == "birth" || t == "natural" || t == "biological" || t == "biologisch" || t == "geboorte")
        return ParentKind::Biological;
    if (t == "adopted" || t == "adoptive" || t == "adoption" || t == "geadopteerd" || t == "adoptie")
        return ParentKind::Adopted;
    if (t == "foster" || t == "fostered" || t == "pleeg" || t == "pleegkind") return ParentKind::Foster;
    if (t == "step" || t == "stepchild" || t == "stiefkind" || t == "stief") return ParentKind::Step;
    if (t == "unknown" || t == "onbekend") return ParentKind::Unknown;
    standard = false;
    return ParentKind::Unknown;
}

namespace {

void add_line(std::string& notes, const std::string& line) {
    if (line.empty()) return;
    // Kept once: a round trip through kring's own export must not repeat the line.
    if (notes == line || notes.starts_with(line + "\n") || notes.find("\n" + line + "\n") != std::string::npos ||
        (notes.size() > line.size() && notes.ends_with("\n" + line)))
        return;
    if (!notes.empty()) notes += '\n';
    notes += line;
}

// The date of an event for the case, with its original wording kept in `notes`.
PartialDate take_date(const SourceEvent& e, std::string_view label_key, const ImportOptions& opt, std::string& notes,
                      ImportReport& rep) {
    if (!e.original.empty()) {
        if (e.date.empty())
            ++rep.dropped_dates;
        else
            ++rep.inexact_dates;
        add_line(notes, import_label(label_key, opt.lang) + ": " + e.original);
    }
    return e.date;
}

bool complete(const PartialDate& d) { return !d.empty() && d.month && d.day && !d.approximate; }

}  // namespace

void build_case(const SourceTree& tree, const ImportOptions& opt, const std::string& origin, ImportResult& out) {
    Case& c = out.value;
    ImportReport& rep = out.report;
    const int this_year = today().year;
    std::vector<PersonId> pid(tree.persons.size());
    for (std::size_t i = 0; i < tree.persons.size(); ++i) {
        const SourcePerson& s = tree.persons[i];
        Person p;
        p.id = c.new_person_id();
        p.given = s.given;
        p.family = s.family;
        p.nickname = s.nickname;
        p.sex = s.sex;
        for (const auto& n : s.notes) add_line(p.notes, n);
        p.birth = take_date(s.birth, "born", opt, p.notes, rep);
        p.death = take_date(s.death, "died", opt, p.notes, rep);
        p.deceased = s.deceased || s.death.present || !p.death.empty();
        if (!p.deceased && !p.birth.empty() && p.birth.latest() / 10000 < this_year - kPresumedDeadAge) {
            p.deceased = true;
            ++rep.presumed_deceased;
        }
        p.category = Category::Family;
        pid[i] = p.id;
        if (!s.id.empty()) {
            auto [it, fresh] = out.source_ids.emplace(s.id, p.id);
            if (!fresh)
                rep.warnings.push_back(origin + ":" + std::to_string(s.line) + ": the id " + s.id +
                                       " is used by two persons; the second keeps its own entry");
        }
        c.put(std::move(p));
    }
    rep.persons = static_cast<int>(tree.persons.size());
    rep.families = static_cast<int>(tree.families.size());

    std::set<std::tuple<std::uint32_t, std::uint32_t, int>> seen;  // (a, b, kind): no doubles
    auto add_relation = [&](Relation r) -> Relation* {
        auto key = std::make_tuple(r.a.value(), r.b.value(), static_cast<int>(r.kind));
        if (r.kind != RelationKind::ParentChild) {
            if (r.a.value() > r.b.value()) key = std::make_tuple(r.b.value(), r.a.value(), static_cast<int>(r.kind));
        }
        if (!seen.insert(key).second) return nullptr;
        r.id = c.new_relation_id();
        const RelationId id = r.id;
        c.put(std::move(r));
        ++rep.relations;
        return const_cast<Relation*>(c.relation(id));
    };

    for (const SourceFamily& f : tree.families) {
        const bool has_father = f.father >= 0, has_mother = f.mother >= 0;
        if (has_father && has_mother && f.father == f.mother) {
            rep.warnings.push_back(origin + ":" + std::to_string(f.line) + ": family " + f.id +
                                   " has the same person as both partners; counted once");
        }
        const bool two = has_father && has_mother && f.father != f.mother;
        if (two) {
            ++rep.partnerships;
            if (!f.no_partner_relation) {
                Relation r;
                r.kind = RelationKind::Partner;
                r.a = pid[static_cast<std::size_t>(f.father)];
                r.b = pid[static_cast<std::size_t>(f.mother)];
                std::string note;
                for (const auto& n : f.notes) add_line(note, n);
                PartialDate married = take_date(f.marriage, "married", opt, note, rep);
                PartialDate engaged = take_date(f.engagement, "engaged", opt, note, rep);
                PartialDate divorced = take_date(f.divorce, "divorced", opt, note, rep);
                PartialDate separated = take_date(f.separation, "separated", opt, note, rep);
                if (f.status) {
                    r.partner = *f.status;
                } else if (f.divorce.present) {
                    r.partner = PartnerStatus::Divorced;
                } else if (f.separation.present) {
                    r.partner = PartnerStatus::Separated;
                } else if (f.marriage.present || f.married_hint) {
                    r.partner = PartnerStatus::Married;
                } else if (f.engagement.present) {
                    r.partner = PartnerStatus::Engaged;
                } else {
                    r.partner = PartnerStatus::Cohabiting;
                    ++rep.unmarried_default;
                }
                r.start = !f.start.empty() ? f.start : !married.empty() ? married : engaged;
                r.end = !f.end.empty() ? f.end : !divorced.empty() ? divorced : separated;
                r.consanguineous = f.consanguineous;
                r.note = std::move(note);
                add_relation(std::move(r));
            }
        } else if (has_father || has_mother) {
            ++rep.single_parent_families;
        } else {
            ++rep.families_without_parents;
            rep.warnings.push_back(origin + ":" + std::to_string(f.line) + ": family " + f.id +
                                   " has no parents; its children are imported without a family line");
        }
        for (const SourceChild& ch : f.children) {
            if (ch.person < 0) continue;
            const PersonId child = pid[static_cast<std::size_t>(ch.person)];
            auto link = [&](int parent, ParentKind kind, const std::string& text, std::string_view label) {
                if (parent < 0) return;
                if (parent == ch.person) {
                    rep.warnings.push_back(origin + ":" + std::to_string(f.line) + ": family " + f.id +
                                           ": a person is listed as their own child; left out");
                    return;
                }
                Relation r;
                r.kind = RelationKind::ParentChild;
                r.a = pid[static_cast<std::size_t>(parent)];
                r.b = child;
                r.parent = kind;
                if (!text.empty()) r.note = import_label(label, opt.lang) + ": " + text;
                if (add_relation(std::move(r))) ++rep.parent_child;
            };
            link(f.father, ch.father, ch.father_text, "father_relation");
            if (f.mother != f.father) link(f.mother, ch.mother, ch.mother_text, "mother_relation");
        }
        if (opt.infer_twins) {
            for (std::size_t i = 0; i < f.children.size(); ++i) {
                const int a = f.children[i].person;
                if (a < 0) continue;
                const PartialDate& da = c.person(pid[static_cast<std::size_t>(a)])->birth;
                if (!complete(da)) continue;
                for (std::size_t j = i + 1; j < f.children.size(); ++j) {
                    const int b = f.children[j].person;
                    if (b < 0 || b == a) continue;
                    if (c.person(pid[static_cast<std::size_t>(b)])->birth != da) continue;
                    Relation r;
                    r.kind = RelationKind::Twin;
                    r.a = pid[static_cast<std::size_t>(a)];
                    r.b = pid[static_cast<std::size_t>(b)];
                    if (add_relation(std::move(r))) ++rep.twins;
                    break;  // triplets: a chain a-b, b-c
                }
            }
        }
    }
}

// ---------------------------------------------------------------- generation filter

Case filter_generations(const Case& c, PersonId index, const GenerationFilter& f) {
    std::map<PersonId, std::vector<PersonId>> parents, children, partners;
    for (const auto& [id, r] : c.relations()) {
        if (r.kind == RelationKind::ParentChild) {
            parents[r.b].push_back(r.a);
            children[r.a].push_back(r.b);
        } else if (r.kind == RelationKind::Partner) {
            partners[r.a].push_back(r.b);
            partners[r.b].push_back(r.a);
        }
    }
    auto get = [](const std::map<PersonId, std::vector<PersonId>>& m, PersonId p) -> const std::vector<PersonId>& {
        static const std::vector<PersonId> none;
        auto it = m.find(p);
        return it == m.end() ? none : it->second;
    };
    std::set<PersonId> keep{index};
    std::set<PersonId> ancestors{index};
    std::vector<PersonId> level{index};
    for (int g = 0; (f.up < 0 || g < f.up) && !level.empty(); ++g) {
        std::vector<PersonId> next;
        for (PersonId p : level)
            for (PersonId q : get(parents, p))
                if (ancestors.insert(q).second) next.push_back(q);
        level = std::move(next);
    }
    std::set<PersonId> descendants{index};
    level = {index};
    for (int g = 0; (f.down < 0 || g < f.down) && !level.empty(); ++g) {
        std::vector<PersonId> next;
        for (PersonId p : level)
            for (PersonId q : get(children, p))
                if (descendants.insert(q).second) next.push_back(q);
        level = std::move(next);
    }
    keep.insert(ancestors.begin(), ancestors.end());
    keep.insert(descendants.begin(), descendants.end());
    if (f.siblings)
        for (PersonId a : ancestors)
            if (a != index)
                for (PersonId ch : get(children, a)) keep.insert(ch);
    if (f.partners) {
        std::set<PersonId> core = keep;
        for (PersonId p : core) {
            for (PersonId q : get(partners, p)) keep.insert(q);
            for (PersonId ch : get(children, p))
                if (core.contains(ch))
                    for (PersonId q : get(parents, ch)) keep.insert(q);
        }
    }

    Case out;
    out.info = c.info;
    std::map<PersonId, PersonId> remap;
    std::map<HouseholdId, HouseholdId> hremap;
    for (const auto& [id, p] : c.persons()) {
        if (!keep.contains(id)) continue;
        Person q = p;
        q.id = out.new_person_id();
        remap[id] = q.id;
        q.index_person = (id == index);
        if (p.household) {
            auto it = hremap.find(p.household);
            if (it == hremap.end()) {
                if (const Household* h = c.household(p.household)) {
                    Household nh = *h;
                    nh.id = out.new_household_id();
                    it = hremap.emplace(p.household, nh.id).first;
                    out.put(std::move(nh));
                }
            }
            q.household = it == hremap.end() ? HouseholdId() : it->second;
        }
        out.put(std::move(q));
    }
    for (const auto& [id, r] : c.relations()) {
        auto a = remap.find(r.a), b = remap.find(r.b);
        if (a == remap.end() || b == remap.end()) continue;
        Relation x = r;
        x.id = out.new_relation_id();
        x.a = a->second;
        x.b = b->second;
        out.put(std::move(x));
    }
    return out;
}

// ---------------------------------------------------------------- merging into a case

MergeStats merge_into(Case& target, const Case& src, std::map<PersonId, PersonId>* id_map) {
    MergeStats st;
    std::map<PersonId, PersonId> local;
    std::map<PersonId, PersonId>& map = id_map ? *id_map : local;
    const bool has_index = target.index_person().has_value();
    std::set<PersonId> used;
    for (const auto& [sid, p] : src.persons()) {
        std::optional<PersonId> match;
        int candidates = 0;
        if (!p.given.empty() && !p.family.empty()) {
            for (const auto& [tid, t] : target.persons()) {
                if (used.contains(tid) || lower(t.given) != lower(p.given) || lower(t.family) != lower(p.family)) continue;
                if (t.sex != p.sex && t.sex != Sex::Unknown && p.sex != Sex::Unknown) continue;
                if (!t.birth.empty() && !p.birth.empty() &&
                    (certainly_before(t.birth, p.birth) || certainly_before(p.birth, t.birth)))
                    continue;
                ++candidates;
                match = tid;
            }
        }
        if (candidates == 1) {
            map[sid] = *match;
            used.insert(*match);
            ++st.matched_persons;
            continue;
        }
        Person q = p;
        q.id = target.new_person_id();
        if (has_index) q.index_person = false;
        q.household = HouseholdId();
        map[sid] = q.id;
        target.put(std::move(q));
        ++st.added_persons;
    }
    std::set<std::tuple<std::uint32_t, std::uint32_t, int>> seen;
    auto key = [](const Relation& r) {
        std::uint32_t a = r.a.value(), b = r.b.value();
        if (r.kind != RelationKind::ParentChild && r.kind != RelationKind::Support && a > b) std::swap(a, b);
        return std::make_tuple(a, b, static_cast<int>(r.kind));
    };
    for (const auto& [id, r] : target.relations()) seen.insert(key(r));
    for (const auto& [id, r] : src.relations()) {
        Relation x = r;
        x.a = map.at(r.a);
        x.b = map.at(r.b);
        if (x.a == x.b || !seen.insert(key(x)).second) continue;
        x.id = target.new_relation_id();
        target.put(std::move(x));
        ++st.added_relations;
    }
    target.bump_revision();
    return st;
}

// ---------------------------------------------------------------- finding a person

std::optional<PersonId> resolve_person(const Case& c, const std::map<std::string, PersonId>& source_ids,
                                       std::string_view spec, std::string& error) {
    std::string s(spec);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
    if (s.empty()) {
        error = "no person given";
        return std::nullopt;
    }
    std::string bare = s;
    if (bare.size() > 2 && bare.front() == '@' && bare.back() == '@') bare = bare.substr(1, bare.size() - 2);
    if (auto it = source_ids.find(bare); it != source_ids.end()) return it->second;
    if (auto id = PersonId::parse(s); id && c.person(*id)) return *id;
    const std::string want = lower(s);
    std::vector<PersonId> exact, partial;
    for (const auto& [id, p] : c.persons()) {
        const std::string name = lower(p.display_name());
        if (name == want)
            exact.push_back(id);
        else if (name.find(want) != std::string::npos)
            partial.push_back(id);
    }
    const std::vector<PersonId>& found = exact.empty() ? partial : exact;
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        error = "no person \"" + s + "\" (give an id such as I0044 or p12, or a name)";
        return std::nullopt;
    }
    std::map<PersonId, std::string> back;
    for (const auto& [sid, pid] : source_ids) back.emplace(pid, sid);
    error = std::to_string(found.size()) + " persons match \"" + s + "\":";
    for (std::size_t i = 0; i < found.size() && i < 8; ++i) {
        const Person* p = c.person(found[i]);
        error += "\n  " + (back.contains(found[i]) ? back[found[i]] : found[i].str()) + "  " + p->display_name();
        if (!p->birth.empty()) error += " (" + p->birth.str() + ")";
    }
    if (found.size() > 8) error += "\n  ...";
    return std::nullopt;
}

// ---------------------------------------------------------------- summary

std::string import_summary(const ImportReport& r, Lang lang, std::size_t max_warnings) {
    auto t = [&](std::string_view key) { return std::string(tr(key, lang)); };
    std::string out = trf("import.summary.read", lang,
                          {{"format", r.format}, {"encoding", r.encoding.empty() ? std::string("-") : r.encoding}});
    if (!r.source_program.empty()) out += " (" + r.source_program + ")";
    out += "\n";
    out += "  " + trf("import.summary.counts", lang,
                      {{"persons", std::to_string(r.persons)},
                       {"families", std::to_string(r.families)},
                       {"relations", std::to_string(r.relations)}}) + "\n";
    out += "  " + trf("import.summary.families", lang,
                      {{"couples", std::to_string(r.partnerships)},
                       {"single", std::to_string(r.single_parent_families)},
                       {"none", std::to_string(r.families_without_parents)}}) + "\n";
    out += "  " + trf("import.summary.parent_child", lang,
                      {{"n", std::to_string(r.parent_child)}, {"twins", std::to_string(r.twins)}}) + "\n";
    if (r.unmarried_default)
        out += "  " + trf("import.summary.unmarried", lang, {{"n", std::to_string(r.unmarried_default)}}) + "\n";
    if (r.inexact_dates)
        out += "  " + trf("import.summary.inexact", lang, {{"n", std::to_string(r.inexact_dates)}}) + "\n";
    if (r.presumed_deceased)
        out += "  " + trf("import.summary.presumed_deceased", lang, {{"n", std::to_string(r.presumed_deceased)}}) + "\n";
    if (r.dropped_dates) out += "  " + trf("import.summary.dropped", lang, {{"n", std::to_string(r.dropped_dates)}}) + "\n";
    if (!r.skipped_tags.empty()) {
        int total = 0;
        for (const auto& [k, n] : r.skipped_tags) total += n;
        out += "  " + trf("import.summary.skipped", lang, {{"n", std::to_string(total)}}) + "\n";
        std::vector<std::pair<int, std::string>> top;
        for (const auto& [k, n] : r.skipped_tags) top.emplace_back(-n, k);
        std::sort(top.begin(), top.end());
        std::string list;
        for (std::size_t i = 0; i < top.size(); ++i) {
            if (i == 12) {
                list += ", ... (" + std::to_string(top.size() - 12) + " " + t("import.summary.more") + ")";
                break;
            }
            if (i) list += ", ";
            list += top[i].second + " " + std::to_string(-top[i].first);
        }
        out += "    " + list + "\n";
    }
    if (!r.warnings.empty()) {
        out += "  " + trf("import.summary.warnings", lang, {{"n", std::to_string(r.warnings.size())}}) + "\n";
        for (std::size_t i = 0; i < r.warnings.size() && i < max_warnings; ++i) out += "    " + r.warnings[i] + "\n";
        if (r.warnings.size() > max_warnings)
            out += "    ... (" + std::to_string(r.warnings.size() - max_warnings) + " " + t("import.summary.more") + ")\n";
    }
    return out;
}

}  // namespace kring
