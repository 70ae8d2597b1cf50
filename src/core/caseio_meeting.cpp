// "meeting" and "snapshots" sections of a case file. Snapshot persons, relations and
// households use exactly the case's own format: they are written and read through
// serialize_case / parse_case on a case holding only the snapshot's content.
#include "core/caseio_meeting.hpp"

#include "core/caseio.hpp"
#include "core/meeting.hpp"
#include "core/snapshot.hpp"

#include <set>

namespace kring {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

// ---------------------------------------------------------------- writing

namespace {

void put_str(ojson& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}
void put_date(ojson& j, const char* key, const PartialDate& d) {
    if (!d.empty()) j[key] = d.str();
}

ojson meeting_json(const Meeting& m) {
    ojson j = ojson::object();
    put_date(j, "date", m.date);
    put_str(j, "question", m.question);
    if (!m.invitees.empty()) {
        ojson a = ojson::array();
        for (const auto& i : m.invitees) {
            ojson x = ojson::object();
            x["person"] = i.person.str();
            x["role"] = to_string(i.role);
            x["consent"] = to_string(i.consent);
            put_str(x, "reach", i.reach);
            put_str(x, "availability", i.availability);
            a.push_back(std::move(x));
        }
        j["invitees"] = std::move(a);
    }
    if (!m.goals.empty()) {
        ojson a = ojson::array();
        for (const auto& g : m.goals) a.push_back(ojson{{"domain", to_string(g.domain)}, {"text", g.text}});
        j["goals"] = std::move(a);
    }
    if (!m.offers.empty()) {
        ojson a = ojson::array();
        for (const auto& o : m.offers) {
            ojson x = ojson::object();
            x["person"] = o.person.str();
            x["support"] = to_string(o.support);
            x["domain"] = to_string(o.domain);
            put_str(x, "description", o.description);
            a.push_back(std::move(x));
        }
        j["offers"] = std::move(a);
    }
    if (!m.agreements.empty()) {
        ojson a = ojson::array();
        for (const auto& g : m.agreements) {
            ojson x = ojson::object();
            x["id"] = "a" + std::to_string(g.id);
            x["who"] = g.who.str();
            x["for"] = g.for_whom.str();
            x["support"] = to_string(g.support);
            x["domain"] = to_string(g.domain);
            put_str(x, "what", g.what);
            put_date(x, "by", g.by_when);
            put_date(x, "follow_up", g.follow_up);
            if (g.done) x["done"] = true;
            if (g.relation) x["relation"] = g.relation.str();
            a.push_back(std::move(x));
        }
        j["agreements"] = std::move(a);
    }
    return j;
}

ojson snapshot_json(const Snapshot& s) {
    Case content = case_from_snapshot(s, CaseInfo{});
    ojson full = ojson::parse(serialize_case(content));
    ojson j = ojson::object();
    j["label"] = s.label;
    put_date(j, "date", s.date);
    j["households"] = std::move(full["households"]);
    j["persons"] = std::move(full["persons"]);
    j["relations"] = std::move(full["relations"]);
    return j;
}

}  // namespace

void write_meeting_sections(ojson& root, const Case& c) {
    const Meeting m = without_missing_persons(c.info.meeting, c);
    if (!m.empty()) root["meeting"] = meeting_json(m);
    if (!c.info.snapshots.empty()) {
        ojson a = ojson::array();
        for (const auto& s : c.info.snapshots) a.push_back(snapshot_json(s));
        root["snapshots"] = std::move(a);
    }
}

// ---------------------------------------------------------------- reading

namespace {

struct SectionError {
    std::string message;
};

// A JSON value with its path, for messages ("meeting.offers[1].support: ...").
struct Node {
    const json& j;
    std::string path;

    [[noreturn]] void fail(const std::string& what) const { throw SectionError{path + ": " + what}; }
    [[nodiscard]] bool has(const char* key) const { return j.contains(key); }
    Node at(const char* key) const {
        const std::string p = path.empty() ? std::string(key) : path + "." + key;
        auto it = j.find(key);
        if (it == j.end()) Node{j, p}.fail("missing (required)");
        return {*it, p};
    }
    void object() const {
        if (!j.is_object()) fail("expected an object");
    }
    std::string str(const char* key, bool required = false) const {
        if (!has(key)) {
            if (required) at(key);
            return {};
        }
        Node n = at(key);
        if (!n.j.is_string()) n.fail("expected text");
        return n.j.get<std::string>();
    }
    bool flag(const char* key) const {
        if (!has(key)) return false;
        Node n = at(key);
        if (!n.j.is_boolean()) n.fail("expected true or false");
        return n.j.get<bool>();
    }
    PartialDate date(const char* key) const {
        if (!has(key)) return {};
        std::string s = str(key);
        auto d = PartialDate::parse(s);
        if (!d) at(key).fail("expected a date like \"2026\", \"2026-09\" or \"2026-09-15\", found \"" + s + "\"");
        return *d;
    }
    template <class E>
    E enumeration(const char* key, std::optional<E> def = std::nullopt) const {
        if (!has(key) && def) return *def;
        std::string s = str(key, true);
        auto v = from_string<E>(s);
        if (!v) at(key).fail("expected " + choices<E>() + ", found \"" + s + "\"");
        return *v;
    }
    template <class IdT>
    IdT id(const char* key, bool required = true) const {
        if (!has(key) && !required) return IdT();
        std::string s = str(key, true);
        auto v = IdT::parse(s);
        if (!v) at(key).fail(std::string("expected an id like \"") + IdT(1).str() + "\", found \"" + s + "\"");
        return *v;
    }
    std::vector<Node> list(const char* key) const {
        std::vector<Node> out;
        if (!has(key)) return out;
        Node n = at(key);
        if (!n.j.is_array()) n.fail("expected a list");
        for (std::size_t i = 0; i < n.j.size(); ++i) {
            out.push_back({n.j[i], n.path + "[" + std::to_string(i) + "]"});
            out.back().object();
        }
        return out;
    }
};

Meeting read_meeting(const Node& n) {
    n.object();
    Meeting m;
    m.date = n.date("date");
    m.question = n.str("question");
    for (const Node& x : n.list("invitees")) {
        Invitee i;
        i.person = x.id<PersonId>("person");
        i.role = x.enumeration<InviteRole>("role", InviteRole::Network);
        i.consent = x.enumeration<Consent>("consent", Consent::Unknown);
        i.reach = x.str("reach");
        i.availability = x.str("availability");
        m.invitees.push_back(std::move(i));
    }
    for (const Node& x : n.list("goals"))
        m.goals.push_back({x.enumeration<LifeDomain>("domain"), x.str("text")});
    for (const Node& x : n.list("offers")) {
        Offer o;
        o.person = x.id<PersonId>("person");
        o.support = x.enumeration<SupportType>("support");
        o.domain = x.enumeration<LifeDomain>("domain", LifeDomain::Parenting);
        o.description = x.str("description");
        m.offers.push_back(std::move(o));
    }
    for (const Node& x : n.list("agreements")) {
        Agreement a;
        std::string id = x.str("id", true);
        std::uint64_t v = 0;
        bool ok = id.size() > 1 && id.size() < 11 && id[0] == 'a';
        for (std::size_t k = 1; ok && k < id.size(); ++k) {
            ok = id[k] >= '0' && id[k] <= '9';
            v = v * 10 + static_cast<std::uint64_t>(id[k] - '0');
        }
        if (!ok || v == 0 || v > 0xFFFFFFFFu) x.at("id").fail("expected an id like \"a1\", found \"" + id + "\"");
        a.id = static_cast<std::uint32_t>(v);
        a.who = x.id<PersonId>("who");
        a.for_whom = x.id<PersonId>("for");
        a.support = x.enumeration<SupportType>("support", SupportType::Practical);
        a.domain = x.enumeration<LifeDomain>("domain", LifeDomain::Parenting);
        a.what = x.str("what");
        a.by_when = x.date("by");
        a.follow_up = x.date("follow_up");
        a.done = x.flag("done");
        a.relation = x.id<RelationId>("relation", false);
        m.agreements.push_back(std::move(a));
    }
    return m;
}

Snapshot read_snapshot(const Node& n) {
    Snapshot s;
    s.label = n.str("label", true);
    if (s.label.empty()) n.at("label").fail("a snapshot needs a label");
    s.date = n.date("date");
    json doc = json::object();
    doc["format"] = "kring";
    doc["version"] = kFormatVersion;
    for (const char* key : {"households", "persons", "relations"})
        if (n.has(key)) doc[key] = n.j.at(key);
    LoadResult r = parse_case(doc.dump(), n.path);
    if (!r.ok()) {
        // "snapshots[0]: persons[3].birth: ..." -> "snapshots[0].persons[3].birth: ..."
        std::string e = r.error;
        if (e.compare(0, n.path.size() + 2, n.path + ": ") == 0 && e.compare(n.path.size() + 2, 9, "top level") != 0)
            e.replace(n.path.size(), 2, ".");
        throw SectionError{e};
    }
    const Case& c = r.value;
    std::size_t k = 0;
    for (const auto& [id, rel] : c.relations()) {
        for (PersonId p : {rel.a, rel.b})
            if (!c.person(p))
                throw SectionError{n.path + ".relations[" + std::to_string(k) + "]: no person \"" + p.str() +
                                   "\" in this snapshot"};
        ++k;
    }
    for (const auto& [id, p] : c.persons()) s.persons.push_back(p);
    for (const auto& [id, r2] : c.relations()) s.relations.push_back(r2);
    for (const auto& [id, h] : c.households()) s.households.push_back(h);
    return s;
}

}  // namespace

std::string read_meeting_sections(const json& root, Case& c) {
    try {
        const Node top{root, ""};
        if (root.contains("meeting")) {
            c.info.meeting = read_meeting(Node{root.at("meeting"), "meeting"});
            if (auto problems = check_meeting(c); !problems.empty())
                return problems.front().path + ": " + problems.front().what;
        }
        std::set<std::string> labels;
        for (const Node& s : top.list("snapshots")) {
            Snapshot snap = read_snapshot(s);
            if (!labels.insert(snap.label).second)
                s.at("label").fail("snapshot label \"" + snap.label + "\" is used twice");
            c.info.snapshots.push_back(std::move(snap));
        }
    } catch (const SectionError& e) {
        return e.message;
    }
    return {};
}

}  // namespace kring
