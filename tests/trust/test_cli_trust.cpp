// The command line: kring encrypt/decrypt, --passphrase-file for validate and print,
// print --pseudonymise, and no network code in the binaries.
#include "cli/cli_helpers.hpp"
#include "trust/trust_helpers.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <vector>

using namespace kring;
using namespace kring::test;
namespace fs = std::filesystem;

namespace {
std::string passfile(const CliTempDir& dir, const std::string& name, const std::string& text) {
    const std::string p = dir / name;
    spit_file(p, text);
    ::chmod(p.c_str(), 0600);
    return p;
}
}  // namespace

TEST_CASE("kring encrypt and decrypt round trip; wrong passphrase writes nothing") {
    CliTempDir dir;
    const std::string pw = passfile(dir, "pw", "een geheime zin\n");
    const std::string enc = dir / "demo.kring.enc";
    Run e = kring_cli("encrypt " + quote(demo_case()) + " -o " + quote(enc) + " --passphrase-file " + quote(pw));
    INFO(e.output);
    REQUIRE(e.status == 0);
    CHECK(e.output.find("onversleuteld") != std::string::npos);  // the plain original is still there
    const std::string sealed = slurp(enc);
    CHECK(sealed.compare(0, 4, "KRNG") == 0);
    CHECK(sealed.find("persons") == std::string::npos);
    struct stat st {};
    REQUIRE(::stat(enc.c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);

    // validate and print read it with the passphrase; without it they say it is encrypted.
    Run v = kring_cli("validate " + quote(enc) + " --passphrase-file " + quote(pw));
    CHECK_MESSAGE((v.status == 0 && v.output.find(enc + ": 18 ") != std::string::npos), v.output);
    Run nv = kring_cli("validate " + quote(enc) + " </dev/null");
    CHECK(nv.status == 1);
    Run p = kring_cli("print " + quote(enc) + " -o " + quote(dir / "x.svg") + " --passphrase-file " + quote(pw));
    CHECK_MESSAGE(p.status == 0, p.output);
    CHECK(fs::exists(dir / "x.svg"));

    // Wrong passphrase: clear message, no output file.
    const std::string bad = passfile(dir, "bad", "een andere zin\n");
    Run w = kring_cli("decrypt " + quote(enc) + " -o " + quote(dir / "out.kring") + " --passphrase-file " + quote(bad));
    CHECK(w.status == 1);
    CHECK_MESSAGE(w.output.find("wrong passphrase") != std::string::npos, w.output);
    CHECK_FALSE(fs::exists(dir / "out.kring"));

    // Tampered: clear message, no output file.
    std::string t = sealed;
    t[t.size() - 5] ^= 1;
    spit_file(dir / "t.enc", t);
    Run tw = kring_cli("decrypt " + quote(dir / "t.enc") + " -o " + quote(dir / "out.kring") + " --passphrase-file " +
                       quote(pw));
    CHECK(tw.status == 1);
    CHECK_MESSAGE(tw.output.find("changed after it was written") != std::string::npos, tw.output);
    CHECK_FALSE(fs::exists(dir / "out.kring"));

    // The right one: the same bytes as the (canonical) demo case.
    Run d = kring_cli("decrypt " + quote(enc) + " -o " + quote(dir / "out.kring") + " --passphrase-file " + quote(pw));
    REQUIRE_MESSAGE(d.status == 0, d.output);
    CHECK(slurp(dir / "out.kring") == slurp(demo_case()));
    REQUIRE(::stat((dir / "out.kring").c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);

    // Refusals: encrypting twice, decrypting a plain file, an empty passphrase file, no terminal.
    CHECK(kring_cli("encrypt " + quote(enc) + " -o " + quote(dir / "twice") + " --passphrase-file " + quote(pw))
              .output.find("al versleuteld") != std::string::npos);
    CHECK(kring_cli("decrypt " + quote(demo_case()) + " -o " + quote(dir / "p") + " --passphrase-file " + quote(pw))
              .output.find("niet versleuteld") != std::string::npos);
    const std::string empty = passfile(dir, "empty", "\n");
    CHECK(kring_cli("decrypt " + quote(enc) + " -o " + quote(dir / "p") + " --passphrase-file " + quote(empty))
              .output.find("leeg") != std::string::npos);
    Run nt = run_shell("setsid " + quote(KRING_CLI) + " decrypt " + quote(enc) + " -o " + quote(dir / "p") +
                       " </dev/null");
    CHECK(nt.status == 1);
    CHECK_MESSAGE(nt.output.find("--passphrase-file") != std::string::npos, nt.output);
    CHECK_FALSE(fs::exists(dir / "p"));
    CHECK_FALSE(fs::exists(dir / "twice"));
}

TEST_CASE("kring print --pseudonymise leaves no names in the output") {
    CliTempDir dir;
    const std::string plain = dir / "plain.svg", roles = dir / "roles.svg", ini = dir / "initials.svg";
    REQUIRE(kring_cli("print " + quote(demo_case()) + " -o " + quote(plain)).status == 0);
    Run r = kring_cli("print " + quote(demo_case()) + " --pseudonymise roles -o " + quote(roles));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    Run i = kring_cli("print " + quote(demo_case()) + " --view network --pseudonymise initials -o " + quote(ini));
    REQUIRE_MESSAGE(i.status == 0, i.output);
    LoadResult demo = load_case(demo_case());
    REQUIRE(demo.ok());
    const std::string svg_plain = slurp(plain), svg_roles = slurp(roles), svg_ini = slurp(ini);
    int names_in_plain = 0;
    for (const auto& [id, p] : demo.value.persons()) {
        if (p.family.size() < 3) continue;
        if (svg_plain.find(p.family) != std::string::npos) ++names_in_plain;
        CHECK_MESSAGE(svg_roles.find(p.family) == std::string::npos, p.family);
        CHECK_MESSAGE(svg_ini.find(p.family) == std::string::npos, p.family);
    }
    CHECK(names_in_plain > 0);  // the check would have caught a name
    CHECK(svg_roles.find("moeder") != std::string::npos);
    CHECK(kring_cli("print " + quote(demo_case()) + " --pseudonymise names -o " + quote(dir / "x.svg")).status == 2);
}

TEST_CASE("no network: the binaries do not import socket functions") {
    std::vector<std::string> binaries = {KRING_CLI};
#ifdef KRING_APP
    binaries.push_back(KRING_APP);
#endif
    if (!have_program("nm")) {
        MESSAGE("nm not installed: check skipped");
        return;
    }
    const char* forbidden[] = {"socket", "connect", "getaddrinfo", "gethostbyname", "sendto", "recvfrom",
                               "bind", "listen", "accept", "curl_easy_init"};
    for (const auto& bin : binaries) {
        if (!fs::exists(bin)) continue;
        // Undefined dynamic symbols of the binary itself: what kring code can call into libc for.
        Run syms = run_shell("nm -D --undefined-only " + quote(bin) + " | awk '{print $NF}' | sed 's/@.*//'");
        REQUIRE(syms.status == 0);
        std::istringstream in(syms.output);
        std::set<std::string> names;
        for (std::string s; std::getline(in, s);) names.insert(s);
        CHECK(names.size() > 10);
        for (const char* f : forbidden) CHECK_MESSAGE(names.count(f) == 0, bin << " imports " << f);
    }
    // And at run time: printing the demo case makes no network system call.
    if (have_program("strace")) {
        CliTempDir dir;
        Run t = run_shell("strace -f -qq -e trace=socket,connect,sendto,sendmsg -o " + quote(dir / "trace") + " " +
                          quote(KRING_CLI) + " print " + quote(demo_case()) + " -o " + quote(dir / "x.pdf"));
        if (t.status == 0) {
            const std::string trace = slurp(dir / "trace");
            // Local (AF_UNIX) sockets, e.g. glibc asking nscd, are not network traffic.
            CHECK_MESSAGE(trace.find("AF_INET") == std::string::npos, trace);
            CHECK_MESSAGE(trace.find("AF_PACKET") == std::string::npos, trace);
            CHECK_MESSAGE(trace.find("AF_NETLINK") == std::string::npos, trace);
            MESSAGE("strace of kring print: " << std::count(trace.begin(), trace.end(), '\n')
                                              << " socket-related calls (none to an IP network)");
        } else {
            MESSAGE("strace cannot trace here (" << t.output.substr(0, 200) << "): run-time check skipped");
        }
    }
}
