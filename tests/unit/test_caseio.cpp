// Case files: round trip, byte-stable saves, precise messages for bad input, atomic and
// owner-only saving that never damages the existing file.
#include "test_helpers.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace kring;
using namespace kring::test;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_raw(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("the demo case file is in canonical form (golden file)") {
    const std::string bytes = read_all(demo_path());
    const Case c = load_demo();
    CHECK(serialize_case(c) == bytes);
}

TEST_CASE("load, save, load gives the same model and the same bytes") {
    TempDir dir;
    Case c = load_demo();
    // Exercise every kind of field, including non-ASCII text and pins.
    History h;
    Person p = make_person("Ğülşen ß Nguyễn", Sex::Other, "~1985-03");
    p.nickname = "Gül";
    p.deceased = true;
    p.death = *PartialDate::parse("2020");
    p.notes = "regel 1\nregel 2 \"aanhalingstekens\" \\ en tab\t";
    p.genogram_pin = Pin{12.5, -3.25};
    p.kind = EntryKind::Stillbirth;
    add(c, h, p);

    REQUIRE(save_case(c, dir / "a.kring").ok());
    auto r1 = load_case(dir / "a.kring");
    REQUIRE_MESSAGE(r1.ok(), r1.error);
    CHECK(r1.value == c);
    REQUIRE(save_case(r1.value, dir / "b.kring").ok());
    CHECK(read_all(dir / "a.kring") == read_all(dir / "b.kring"));
    // New ids continue after the highest one used, also after a reload.
    Case reloaded = r1.value;
    CHECK(reloaded.new_person_id() == PersonId(c.next_person_counter() + 1));
}

TEST_CASE("saving is atomic, owner-only and keeps a backup") {
    TempDir dir;
    const fs::path file = dir / "gezin.kring";
    Case c = load_demo();
    REQUIRE(save_case(c, file).ok());
    auto perms = fs::status(file).permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    const std::string first = read_all(file);

    c.info.worker = "Nieuwe hulpverlener";
    REQUIRE(save_case(c, file).ok());
    CHECK(read_all(file) != first);
    CHECK(read_all(fs::path(file.string() + ".bak")) == first);
    auto bak_perms = fs::status(fs::path(file.string() + ".bak")).permissions();
    CHECK((bak_perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    // No temporary files are left behind.
    CHECK(listing(dir.path) == std::vector<std::string>{"gezin.kring", "gezin.kring.bak"});
}

TEST_CASE("a failed save leaves the original untouched and says why") {
    TempDir dir;
    const fs::path file = dir / "gezin.kring";
    Case c = load_demo();
    REQUIRE(save_case(c, file).ok());
    const std::string original = read_all(file);

    SUBCASE("folder does not exist") {
        auto r = save_case(c, dir / "bestaat-niet" / "x.kring");
        CHECK_FALSE(r.ok());
        CHECK(r.error.find("bestaat-niet") != std::string::npos);
    }
    SUBCASE("target is a folder") {
        fs::create_directory(dir / "map.kring");
        auto r = save_case(c, dir / "map.kring");
        CHECK_FALSE(r.ok());
        CHECK(fs::is_directory(dir / "map.kring"));
    }
    SUBCASE("target is a device or pipe") {
        // Saving over a special file (think of /dev/full) must refuse, not replace it.
        REQUIRE(::mkfifo((dir / "pijp").c_str(), 0600) == 0);
        auto r = write_file_atomic(dir / "pijp", "data");
        CHECK_FALSE(r.ok());
        CHECK(r.error.find("not a regular file") != std::string::npos);
        CHECK(fs::is_fifo(dir / "pijp"));
        fs::remove(dir / "pijp");
    }
    CHECK(read_all(file) == original);
    auto names = listing(dir.path);
    for (auto& n : names) CHECK_MESSAGE(n.find(".tmp") == std::string::npos, n);
}

namespace {

struct Bad {
    const char* what;
    std::string text;
    std::string expect;  // must occur in the message
};

}  // namespace

TEST_CASE("malformed files give a specific message and nothing is written") {
    const std::string head = R"({"format": "kring", "version": 1, )";
    const std::vector<Bad> cases = {
        {"empty file", "", "not valid JSON"},
        {"broken JSON with position", "{\n  \"format\": \"kring\",\n  \"version\": 1,\n  \"persons\": [\n", "bad.kring:"},
        {"not an object", "[1, 2, 3]", "expected a kring case"},
        {"wrong format tag", R"({"format": "gramps", "version": 1})", "not a kring case file"},
        {"newer version", R"({"format": "kring", "version": 99})", "newer"},
        {"version not a number", R"({"format": "kring", "version": "1"})", "version"},
        {"persons not a list", head + R"("persons": {"id": "p1"}})", "persons: expected a list"},
        {"missing id", head + R"("persons": [{"given": "A"}]})", "persons[0].id"},
        {"bad id", head + R"("persons": [{"id": "x1"}]})", "persons[0].id: expected an id like \"p1\""},
        {"bad date", head + R"("persons": [{"id": "p1", "birth": "12-05-1980"}]})", "persons[0].birth: expected a date"},
        {"bad enum", head + R"("persons": [{"id": "p1", "sex": "mannelijk"}]})", "persons[0].sex: expected"},
        {"duplicate id", head + R"("persons": [{"id": "p1"}, {"id": "p1"}]})", "used twice"},
        {"bad relation kind", head + R"("persons": [{"id": "p1"}, {"id": "p2"}], "relations": [{"id": "r1", "kind": "friendship", "a": "p1", "b": "p2"}]})", "relations[0].kind"},
        {"strength out of range", head + R"("persons": [{"id": "p1"}, {"id": "p2"}], "relations": [{"id": "r1", "kind": "support", "a": "p1", "b": "p2", "support": "practical", "strength": 9}]})", "relations[0].strength"},
        {"boolean expected", head + R"("persons": [{"id": "p1", "deceased": "ja"}]})", "persons[0].deceased: expected true or false"},
        {"genogram order not a list", head + R"("case": {"genogram_order": "p1 p2"}})", "case.genogram_order: expected a list"},
        {"genogram order entry not an id", head + R"("case": {"genogram_order": ["p1", 42]}})", "case.genogram_order[1]: expected text, found the number 42"},
        {"genogram order entry a bad id", head + R"("case": {"genogram_order": ["x7"]}})", "case.genogram_order[0]: expected an id like \"p1\""},
        {"encrypted file", std::string("KRNG\x01") + std::string(40, '\0'), "encrypted"},
        {"number too large for a double", head + R"("persons": [{"id": "p1", "x": 1e400}]})", "bad.kring:1:65: not valid JSON: the number 1e400 is too large"},
        {"huge integer", head + "\"persons\": [], \"n\": " + std::string(400, '9') + "}", "the number 99999999999999999999... is too large"},
    };
    TempDir dir;
    for (const auto& b : cases) {
        CAPTURE(b.what);
        const fs::path file = dir / "bad.kring";
        write_raw(file, b.text);
        auto before = listing(dir.path);
        auto r = load_case(file);
        CHECK_FALSE(r.ok());
        CHECK_MESSAGE(r.error.find(b.expect) != std::string::npos, r.error);
        CHECK_MESSAGE(r.error.find("bad.kring") != std::string::npos, r.error);
        CHECK(listing(dir.path) == before);
        CHECK(read_all(file) == b.text);
    }
}

TEST_CASE("JSON syntax errors point at line and column") {
    auto r = parse_case("{\n  \"format\": \"kring\",\n  \"version\": 1,,\n}", "x.kring");
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(r.error.find("x.kring:3:") != std::string::npos, r.error);
}

TEST_CASE("missing files and folders are reported as such") {
    TempDir dir;
    auto r = load_case(dir / "nergens.kring");
    CHECK(r.error.find("file not found") != std::string::npos);
    auto d = load_case(dir.path);
    CHECK(d.error.find("folder") != std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark is accepted") {
    TempDir dir;
    const std::string bytes = serialize_case(load_demo());
    write_raw(dir / "bom.kring", "\xEF\xBB\xBF" + bytes);
    auto r = load_case(dir / "bom.kring");
    CHECK_MESSAGE(r.ok(), r.error);
}

TEST_CASE("an older format version is upgraded in memory and saved in the current one") {
    TempDir dir;
    std::string v1 = serialize_case(load_demo());
    const std::string current = "\"version\": " + std::to_string(kFormatVersion) + ",";
    REQUIRE(v1.find(current) != std::string::npos);
    v1.replace(v1.find(current), current.size(), "\"version\": 1,");
    write_raw(dir / "oud.kring", v1);
    auto r = load_case(dir / "oud.kring");
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value == load_demo());
    REQUIRE(r.notes.size() == static_cast<std::size_t>(kFormatVersion - 1));
    CHECK(r.notes.front().find("upgraded from format version 1") != std::string::npos);
    // Reading never rewrites the file; saving writes the current version.
    CHECK(read_all(dir / "oud.kring") == v1);
    REQUIRE(save_case(r.value, dir / "oud.kring").ok());
    CHECK(read_all(dir / "oud.kring").find(current) != std::string::npos);
    // Version 0 never existed.
    auto zero = parse_case(R"({"format": "kring", "version": 0})", "nul.kring");
    CHECK(zero.error.find("does not exist") != std::string::npos);
}

TEST_CASE("the genogram's recorded order is saved, read back, and left out when there is none") {
    TempDir dir;
    Case c = load_demo();
    REQUIRE(c.info.genogram_order.empty());
    CHECK(serialize_case(c).find("genogram_order") == std::string::npos);  // files without it stay as they were
    // A person removed since the order was recorded (p99) is kept as written: only a hint.
    c.info.genogram_order = {*PersonId::parse("p3"), *PersonId::parse("p1"), *PersonId::parse("p99")};
    const fs::path file = dir / "ordered.kring";
    REQUIRE(save_case(c, file).ok());
    LoadResult back = load_case(file);
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.value.info.genogram_order == c.info.genogram_order);
    CHECK(serialize_case(back.value) == serialize_case(c));
}
