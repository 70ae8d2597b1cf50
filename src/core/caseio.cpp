#include "core/caseio.hpp"

#include "core/caseio_meeting.hpp"
#include "core/crypto.hpp"
#include "core/enums.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kring {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

// ---------------------------------------------------------------- writing

namespace {

void put_date(ojson& j, const char* key, const PartialDate& d) {
    if (!d.empty()) j[key] = d.str();
}
void put_str(ojson& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}
void put_flag(ojson& j, const char* key, bool b) {
    if (b) j[key] = true;
}
void put_pin(ojson& j, const char* key, const std::optional<Pin>& p) {
    if (p) j[key] = ojson::array({p->x, p->y});
}

ojson person_json(const Person& p) {
    ojson j = ojson::object();
    j["id"] = p.id.str();
    j["given"] = p.given;
    j["family"] = p.family;
    put_str(j, "nickname", p.nickname);
    j["sex"] = to_string(p.sex);
    if (p.kind != EntryKind::Person) j["kind"] = to_string(p.kind);
    put_date(j, "birth", p.birth);
    put_date(j, "death", p.death);
    put_flag(j, "deceased", p.deceased);
    j["category"] = to_string(p.category);
    put_str(j, "organisation", p.organisation);
    put_str(j, "function", p.function);
    put_flag(j, "coordinator", p.coordinator);
    put_flag(j, "index", p.index_person);
    put_flag(j, "abroad", p.abroad);
    put_flag(j, "risk", p.risk);
    put_str(j, "risk_note", p.risk_note);
    if (p.household) j["household"] = p.household.str();
    put_str(j, "notes", p.notes);
    put_pin(j, "genogram_pin", p.genogram_pin);
    put_pin(j, "network_pin", p.network_pin);
    return j;
}

ojson relation_json(const Relation& r) {
    ojson j = ojson::object();
    j["id"] = r.id.str();
    j["kind"] = to_string(r.kind);
    j["a"] = r.a.str();
    j["b"] = r.b.str();
    switch (r.kind) {
    case RelationKind::Partner:
        j["status"] = to_string(r.partner);
        put_flag(j, "consanguineous", r.consanguineous);
        break;
    case RelationKind::ParentChild: j["parent"] = to_string(r.parent); break;
    case RelationKind::Twin: j["identical"] = r.identical; break;
    case RelationKind::Emotional:
        j["emotion"] = to_string(r.emotion);
        if (r.emotion == EmotionKind::Abuse) j["abuse"] = to_string(r.abuse);
        break;
    case RelationKind::Support:
        j["support"] = to_string(r.support);
        j["direction"] = to_string(r.direction);
        j["strength"] = r.strength;
        break;
    case RelationKind::Contact:
        j["frequency"] = to_string(r.frequency);
        j["mode"] = to_string(r.mode);
        j["closeness"] = r.closeness;
        put_flag(j, "critical", r.critical);
        put_flag(j, "worries", r.worries);
        put_flag(j, "no_contact", r.no_contact);
        if (r.known_years) j["known_years"] = r.known_years;
        break;
    }
    put_date(j, "start", r.start);
    put_date(j, "end", r.end);
    put_str(j, "note", r.note);
    return j;
}

}  // namespace

std::string serialize_case(const Case& c) {
    ojson root = ojson::object();
    root["format"] = "kring";
    root["version"] = kFormatVersion;
    ojson info = ojson::object();
    info["name"] = c.info.name;
    put_str(info, "worker", c.info.worker);
    put_date(info, "date", c.info.date);
    put_str(info, "notes", c.info.notes);
    if (!c.info.genogram_order.empty()) {
        ojson order = ojson::array();
        for (PersonId p : c.info.genogram_order) order.push_back(p.str());
        info["genogram_order"] = std::move(order);
    }
    root["case"] = std::move(info);
    root["next_ids"] = ojson{{"person", c.next_person_counter()},
                             {"relation", c.next_relation_counter()},
                             {"household", c.next_household_counter()}};
    ojson hs = ojson::array();
    for (const auto& [id, h] : c.households()) {
        ojson j = ojson::object();
        j["id"] = h.id.str();
        j["name"] = h.name;
        put_str(j, "address", h.address);
        hs.push_back(std::move(j));
    }
    root["households"] = std::move(hs);
    ojson ps = ojson::array();
    for (const auto& [id, p] : c.persons()) ps.push_back(person_json(p));
    root["persons"] = std::move(ps);
    ojson rs = ojson::array();
    for (const auto& [id, r] : c.relations()) rs.push_back(relation_json(r));
    root["relations"] = std::move(rs);
    write_meeting_sections(root, c);  // optional "meeting", "snapshots"
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";  // never throw: invalid UTF-8 becomes U+FFFD
}

// ---------------------------------------------------------------- reading

namespace {

struct LoadError {
    std::string message;
};

// Reads JSON values with a path for messages: "persons[3].birth".
class Reader {
public:
    Reader(const json& j, std::string path) : j_(j), path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw LoadError{(path_.empty() ? std::string("top level") : path_) + ": " + what};
    }
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const json& value() const { return j_; }

    Reader at(const char* key) const {
        if (!j_.is_object()) fail("expected an object, found " + describe(j_));
        auto it = j_.find(key);
        if (it == j_.end()) Reader(j_, child_path(key)).fail("missing (required)");
        return Reader(*it, child_path(key));
    }
    [[nodiscard]] bool has(const char* key) const { return j_.is_object() && j_.contains(key); }

    std::string str() const {
        if (!j_.is_string()) fail("expected text, found " + describe(j_));
        return j_.get<std::string>();
    }
    std::string str(const char* key, std::string def = {}) const { return has(key) ? at(key).str() : def; }
    bool flag(const char* key, bool def = false) const {
        if (!has(key)) return def;
        Reader r = at(key);
        if (!r.j_.is_boolean()) r.fail("expected true or false, found " + describe(r.j_));
        return r.j_.get<bool>();
    }
    int integer(const char* key, int def, int lo, int hi) const {
        if (!has(key)) return def;
        Reader r = at(key);
        if (!r.j_.is_number_integer()) r.fail("expected a whole number, found " + describe(r.j_));
        auto v = r.j_.get<long long>();
        if (v < lo || v > hi)
            r.fail("expected a number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", found " +
                   std::to_string(v));
        return static_cast<int>(v);
    }
    PartialDate date(const char* key) const {
        if (!has(key)) return {};
        Reader r = at(key);
        std::string s = r.str();
        auto d = PartialDate::parse(s);
        if (!d) r.fail("expected a date like \"1980\", \"1980-05\", \"1980-05-12\" or \"~1980\", found \"" + s + "\"");
        return *d;
    }
    template <class E>
    E enumeration(const char* key, std::optional<E> def = std::nullopt) const {
        if (!has(key)) {
            if (def) return *def;
            at(key);  // throws "missing"
        }
        Reader r = at(key);
        std::string s = r.str();
        auto v = from_string<E>(s);
        if (!v) r.fail("expected " + choices<E>() + ", found \"" + s + "\"");
        return *v;
    }
    template <class IdT>
    IdT id(const char* key, bool required = true) const {
        if (!has(key) && !required) return IdT();
        return at(key).id<IdT>();
    }
    template <class IdT>
    IdT id() const {
        std::string s = str();
        auto v = IdT::parse(s);
        if (!v) fail(std::string("expected an id like \"") + IdT(1).str() + "\", found \"" + s + "\"");
        return *v;
    }
    std::optional<Pin> pin(const char* key) const {
        if (!has(key)) return std::nullopt;
        Reader r = at(key);
        const json& v = r.j_;
        if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
            r.fail("expected a position [x, y], found " + describe(v));
        double x = v[0].get<double>(), y = v[1].get<double>();
        if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > 1e7 || std::abs(y) > 1e7)
            r.fail("position out of range");
        return Pin{x, y};
    }
    std::vector<Reader> array(const char* key) const {
        std::vector<Reader> out;
        if (!has(key)) return out;
        Reader r = at(key);
        if (!r.j_.is_array()) r.fail("expected a list, found " + describe(r.j_));
        for (std::size_t i = 0; i < r.j_.size(); ++i) out.emplace_back(r.j_[i], r.path_ + "[" + std::to_string(i) + "]");
        return out;
    }

    static std::string describe(const json& v) {
        switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "a list";
        case json::value_t::string: return "text \"" + v.get<std::string>().substr(0, 40) + "\"";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "the number " + v.dump();
        default: return "something else";
        }
    }

private:
    std::string child_path(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
    const json& j_;
    std::string path_;
};

Person read_person(const Reader& r) {
    Person p;
    p.id = r.id<PersonId>("id");
    p.given = r.str("given");
    p.family = r.str("family");
    p.nickname = r.str("nickname");
    p.sex = r.enumeration<Sex>("sex", Sex::Unknown);
    p.kind = r.enumeration<EntryKind>("kind", EntryKind::Person);
    p.birth = r.date("birth");
    p.death = r.date("death");
    p.deceased = r.flag("deceased") || !p.death.empty();
    p.category = r.enumeration<Category>("category", Category::Family);
    p.organisation = r.str("organisation");
    p.function = r.str("function");
    p.coordinator = r.flag("coordinator");
    p.index_person = r.flag("index");
    p.abroad = r.flag("abroad");
    p.risk = r.flag("risk");
    p.risk_note = r.str("risk_note");
    p.household = r.id<HouseholdId>("household", false);
    p.notes = r.str("notes");
    p.genogram_pin = r.pin("genogram_pin");
    p.network_pin = r.pin("network_pin");
    return p;
}

Relation read_relation(const Reader& r) {
    Relation x;
    x.id = r.id<RelationId>("id");
    x.kind = r.enumeration<RelationKind>("kind");
    x.a = r.id<PersonId>("a");
    x.b = r.id<PersonId>("b");
    switch (x.kind) {
    case RelationKind::Partner:
        x.partner = r.enumeration<PartnerStatus>("status", PartnerStatus::Married);
        x.consanguineous = r.flag("consanguineous");
        break;
    case RelationKind::ParentChild: x.parent = r.enumeration<ParentKind>("parent", ParentKind::Biological); break;
    case RelationKind::Twin: x.identical = r.flag("identical"); break;
    case RelationKind::Emotional:
        x.emotion = r.enumeration<EmotionKind>("emotion");
        x.abuse = r.enumeration<AbuseKind>("abuse", AbuseKind::None);
        break;
    case RelationKind::Support:
        x.support = r.enumeration<SupportType>("support");
        x.direction = r.enumeration<Direction>("direction", Direction::Gives);
        x.strength = r.integer("strength", 2, 1, 3);
        break;
    case RelationKind::Contact:
        x.frequency = r.enumeration<Frequency>("frequency", Frequency::Weekly);
        x.mode = r.enumeration<ContactMode>("mode", ContactMode::InPerson);
        x.closeness = r.integer("closeness", 2, 1, 3);
        x.critical = r.flag("critical");
        x.worries = r.flag("worries");
        x.no_contact = r.flag("no_contact");
        x.known_years = r.integer("known_years", 0, 0, 150);
        break;
    }
    x.start = r.date("start");
    x.end = r.date("end");
    x.note = r.str("note");
    return x;
}

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;  // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, col};
}

// nlohmann does not treat a number too large for a double (e.g. 1e400) as a syntax error: it throws
// out_of_range 406 without a position. Its message quotes the number, so find it in the text.
std::string json_range_error(std::string_view text, const std::string& origin, const std::string& what) {
    const std::string key = "number overflow parsing '";
    auto p = what.find(key);
    if (p == std::string::npos) {
        auto q = what.find("] ");
        return origin + ": not valid JSON: " + (q == std::string::npos ? what : what.substr(q + 2));
    }
    auto end = what.find('\'', p + key.size());
    std::string number = what.substr(p + key.size(), end == std::string::npos ? std::string::npos : end - p - key.size());
    std::string where = origin;
    if (auto at = text.find(number); !number.empty() && at != std::string_view::npos) {
        auto [line, col] = line_column(text, at);
        where += ":" + std::to_string(line) + ":" + std::to_string(col);
    }
    if (number.size() > 24) number = number.substr(0, 20) + "...";
    return where + ": not valid JSON: the number " + number + " is too large";
}

}  // namespace

LoadResult parse_case(std::string_view text, const std::string& origin) {
    LoadResult res;
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann reports the byte just past the problem; point at the last byte read.
        std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
        auto [line, col] = line_column(text, byte);
        std::string what = e.what();
        if (auto p = what.find("syntax error while parsing value - "); p != std::string::npos)
            what = what.substr(p + 35);
        else if (auto q = what.find("] "); q != std::string::npos)
            what = what.substr(q + 2);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) what = "the file is empty";
        res.error = origin + ":" + std::to_string(line) + ":" + std::to_string(col) + ": not valid JSON: " + what;
        return res;
    } catch (const json::exception& e) {
        res.error = json_range_error(text, origin, e.what());
        return res;
    }
    try {
        Reader r(root, "");
        if (!root.is_object()) r.fail("expected a kring case (a JSON object), found " + Reader::describe(root));
        if (!r.has("format") || !r.at("format").value().is_string() || r.at("format").str() != "kring")
            Reader(root, "format").fail("this is not a kring case file (expected \"format\": \"kring\")");
        int version = r.integer("version", -1, 0, 1 << 30);
        if (version < 0) r.at("version");  // "missing"
        if (version > kFormatVersion)
            Reader(root, "version")
                .fail("this file was written by a newer kring (format version " + std::to_string(version) +
                      "); this kring reads up to version " + std::to_string(kFormatVersion) +
                      ". Please update kring; the file was not changed.");
        if (version < 1) Reader(root, "version").fail("format version " + std::to_string(version) + " does not exist");
        // Upgrades of older versions, one step at a time, so that every older file reads.
        for (int v = version; v < kFormatVersion; ++v) {
            // 1 -> 2: version 2 only added optional sections; a version-1 file is valid as is.
            res.notes.push_back("upgraded from format version " + std::to_string(v) + " to " + std::to_string(v + 1));
        }

        Case c;
        if (r.has("case")) {
            Reader info = r.at("case");
            c.info.name = info.str("name");
            c.info.worker = info.str("worker");
            c.info.date = info.date("date");
            c.info.notes = info.str("notes");
            // Only a hint for the drawing: ids of persons no longer in the case are harmless
            // (the layout skips them), but anything that is not an id is an error.
            for (const auto& e : info.array("genogram_order")) c.info.genogram_order.push_back(e.id<PersonId>());
        }
        auto households = r.array("households");
        auto persons = r.array("persons");
        auto relations = r.array("relations");
        if (persons.size() > kMaxPersons)
            r.at("persons").fail("too many persons (" + std::to_string(persons.size()) + "; kring handles at most " +
                                 std::to_string(kMaxPersons) + ")");
        for (const auto& h : households) {
            Household x;
            x.id = h.id<HouseholdId>("id");
            x.name = h.str("name");
            x.address = h.str("address");
            if (c.household(x.id)) h.at("id").fail("household id \"" + x.id.str() + "\" is used twice");
            c.put(std::move(x));
        }
        for (const auto& p : persons) {
            Person x = read_person(p);
            if (c.person(x.id)) p.at("id").fail("person id \"" + x.id.str() + "\" is used twice");
            c.put(std::move(x));
        }
        for (const auto& rr : relations) {
            Relation x = read_relation(rr);
            if (c.relation(x.id)) rr.at("id").fail("relation id \"" + x.id.str() + "\" is used twice");
            c.put(std::move(x));
        }
        if (r.has("next_ids")) {
            // Never reuse an id: keep the saved counters when they are ahead of the data.
            Reader n = r.at("next_ids");
            int pc = n.integer("person", 0, 0, INT32_MAX), rc = n.integer("relation", 0, 0, INT32_MAX),
                hc = n.integer("household", 0, 0, INT32_MAX);
            while (c.next_person_counter() < static_cast<std::uint32_t>(pc)) c.new_person_id();
            while (c.next_relation_counter() < static_cast<std::uint32_t>(rc)) c.new_relation_id();
            while (c.next_household_counter() < static_cast<std::uint32_t>(hc)) c.new_household_id();
        }
        if (std::string e = read_meeting_sections(root, c); !e.empty()) throw LoadError{e};
        res.value = std::move(c);
    } catch (const LoadError& e) {
        res.error = origin + ": " + e.message;
    } catch (const std::exception& e) {
        res.error = origin + ": " + e.what();
    }
    return res;
}

LoadResult load_case(const std::filesystem::path& path) { return load_case(path, nullptr); }

LoadResult load_case(const std::filesystem::path& path, const Secret* passphrase) {
    LoadResult res;
    const std::string origin = path.string();
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        res.error = origin + ": file not found";
        return res;
    }
    if (std::filesystem::is_directory(status)) {
        res.error = origin + ": is a folder, not a case file";
        return res;
    }
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxCaseFileBytes) {
        res.error = origin + ": file is too large for a case file (" + std::to_string(size / (1024 * 1024)) +
                    " MiB; at most " + std::to_string(kMaxCaseFileBytes / (1024 * 1024)) + " MiB)";
        return res;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        res.error = origin + ": cannot be read (" + std::strerror(errno) + ")";
        return res;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (is_encrypted(text)) {
        if (!passphrase) {
            res.error = origin + ": this case file is encrypted; open it with its passphrase";
            return res;
        }
        CryptoResult plain = decrypt_bytes(text, *passphrase);
        if (!plain.ok()) {
            res.error = origin + ": " + plain.error;
            return res;
        }
        res = parse_case(plain.bytes, origin);
        wipe(plain.bytes);
        res.encrypted = true;
        return res;
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // UTF-8 BOM from editors
    return parse_case(text, origin);
}

// ---------------------------------------------------------------- atomic save

namespace {

std::string errno_text(int e) {
    switch (e) {
    case ENOSPC: return "the disk is full";
    case EDQUOT: return "the disk quota is exhausted";
    case EACCES:
    case EPERM: return "permission denied";
    case EROFS: return "the folder is read-only";
    case ENOENT: return "the folder does not exist";
    case EFBIG: return "the file is larger than the system allows (disk or size limit)";
    default: return std::strerror(e);
    }
}

bool write_all(int fd, std::string_view bytes, int& err) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// Temporary files are named ".NAME.tmp-PID-XXXXXX". A save that was killed (power cut,
// crash) leaves one behind; the next save of NAME removes those whose process is gone.
void remove_stale_temps(const std::filesystem::path& dir, const std::string& name) {
    const std::string prefix = "." + name + ".tmp-";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string f = it->path().filename().string();
        if (f.size() <= prefix.size() || f.compare(0, prefix.size(), prefix) != 0) continue;
        long pid = 0;
        std::size_t i = prefix.size();
        while (i < f.size() && f[i] >= '0' && f[i] <= '9' && pid < 1L << 30) pid = pid * 10 + (f[i++] - '0');
        if (i == prefix.size() || i >= f.size() || f[i] != '-' || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
    }
}

}  // namespace

SaveResult write_file_atomic(const std::filesystem::path& path, std::string_view bytes, bool keep_backup) {
    namespace fs = std::filesystem;
    const fs::path abs = fs::absolute(path);
    const fs::path dir = abs.parent_path();
    const std::string where = path.string();
    std::error_code ec;
    if (fs::is_directory(abs, ec)) return {where + ": cannot save: this is a folder"};
    // Never replace a device, pipe or socket with a regular file (e.g. /dev/full).
    if (fs::exists(abs, ec) && !fs::is_regular_file(abs, ec))
        return {where + ": cannot save: this is not a regular file"};
    remove_stale_temps(dir, abs.filename().string());
    std::string tmpl =
        (dir / ("." + abs.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    const mode_t old_mask = ::umask(077);
    int fd = ::mkstemp(buf.data());
    ::umask(old_mask);
    if (fd < 0) return {where + ": cannot save: " + errno_text(errno)};
    const std::string tmp(buf.data());
    int err = 0;
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 || (err = errno, false);
    ok = ok && write_all(fd, bytes, err);
    ok = ok && (::fsync(fd) == 0 || (err = errno, false));
    if (::close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (ok && keep_backup && fs::exists(abs, ec)) {
        // Keep the previous version as PATH.bak: hard-link it under a temporary name and
        // rename that over the old backup, so PATH itself is never missing.
        const std::string bak = abs.string() + ".bak";
        const std::string bak_tmp = tmp + ".bak";
        ::unlink(bak_tmp.c_str());
        if (::link(abs.c_str(), bak_tmp.c_str()) == 0) {
            if (::rename(bak_tmp.c_str(), bak.c_str()) != 0) ::unlink(bak_tmp.c_str());
        } else {
            // Filesystems without hard links: copy instead.
            fs::copy_file(abs, bak_tmp, fs::copy_options::overwrite_existing, ec);
            if (!ec) {
                ::chmod(bak_tmp.c_str(), S_IRUSR | S_IWUSR);
                if (::rename(bak_tmp.c_str(), bak.c_str()) != 0) ::unlink(bak_tmp.c_str());
            }
        }
        // rename() does nothing when both names are links to the same file (PATH.bak and
        // PATH after a save that was killed between its two renames): drop the extra link.
        ::unlink(bak_tmp.c_str());
    }
    if (ok && ::rename(tmp.c_str(), abs.c_str()) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        ::unlink(tmp.c_str());
        return {where + ": cannot save: " + errno_text(err) + "; the existing file was not changed"};
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

SaveResult save_case(const Case& c, const std::filesystem::path& path) {
    return write_file_atomic(path, serialize_case(c), true);
}

SaveResult save_case(const Case& c, const std::filesystem::path& path, const Secret& passphrase,
                     const CryptoParams& params) {
    std::string plain = serialize_case(c);
    CryptoResult sealed = encrypt_bytes(plain, passphrase, params);
    wipe(plain);
    if (!sealed.ok()) return {path.string() + ": cannot save: " + sealed.error + "; the existing file was not changed"};
    return write_file_atomic(path, sealed.bytes, true);
}

}  // namespace kring
