// kring encrypt CASE -o OUT [--passphrase-file FILE]
// kring decrypt CASE -o OUT [--passphrase-file FILE]
//
// Encryption at rest (core/crypto.hpp). The passphrase comes from --passphrase-file (the
// first line of the file) or is asked on the terminal without echo. It lives in guarded
// memory and is wiped after use. Nothing is written when the passphrase is wrong or the
// file was tampered with. Also gives `validate` and `print` a --passphrase-file option so
// they can read encrypted cases.
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"
#include "core/crypto.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace kring::cli {

namespace {

std::string g_passphrase_file;         // --passphrase-file of the running subcommand
std::unique_ptr<Secret> g_passphrase;  // asked or read once per run

Lang lang() { return pick_lang(""); }

std::string msg(std::string_view key, std::string_view arg = {}) {
    std::string s(tr(key, lang()));
    if (auto p = s.find("{}"); p != std::string::npos) s.replace(p, 2, arg);
    return s;
}

// The first line of FILE (without its line ending) as a passphrase.
std::optional<Secret> read_passphrase_file(const std::string& path, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = path + ": " + msg("trust.passfile.unreadable") + " (" + std::strerror(errno) + ")";
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        ::close(fd);
        error = path + ": " + msg("trust.passfile.unreadable");
        return std::nullopt;
    }
    if (S_ISREG(st.st_mode) && (st.st_mode & (S_IRWXG | S_IRWXO)))
        std::cerr << "kring: " << msg("trust.passfile.readable", path) << "\n";
    Secret s;
    char ch = 0;
    ssize_t n = 0;
    std::size_t total = 0;
    while ((n = ::read(fd, &ch, 1)) == 1 && ch != '\n') {
        if (++total > 4096) break;
        s.push_back(ch);
    }
    ::close(fd);
    ch = 0;
    if (!s.empty() && s.data()[s.size() - 1] == '\r') {
        Secret t;
        for (std::size_t i = 0; i + 1 < s.size(); ++i) t.push_back(s.data()[i]);
        s = std::move(t);
    }
    if (s.empty()) {
        error = path + ": " + msg("trust.passfile.empty");
        return std::nullopt;
    }
    return s;
}

// Restores the terminal even on an exception.
struct EchoOff {
    int fd;
    termios saved{};
    bool changed = false;
    explicit EchoOff(int f) : fd(f) {
        if (::tcgetattr(fd, &saved) == 0) {
            termios t = saved;
            t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            t.c_lflag |= ECHONL;
            changed = ::tcsetattr(fd, TCSAFLUSH, &t) == 0;
        }
    }
    ~EchoOff() {
        if (changed) ::tcsetattr(fd, TCSAFLUSH, &saved);
    }
};

std::optional<Secret> ask_terminal(const std::string& prompt, std::string& error) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error = msg("trust.no_terminal");
        return std::nullopt;
    }
    Secret s;
    {
        EchoOff guard(fd);
        (void)!::write(fd, prompt.data(), prompt.size());
        char ch = 0;
        while (::read(fd, &ch, 1) == 1 && ch != '\n' && ch != '\r') s.push_back(ch);
        ch = 0;
    }
    ::close(fd);
    if (s.empty()) {
        error = msg("trust.passphrase.empty");
        return std::nullopt;
    }
    return s;
}

// The passphrase for this run: --passphrase-file, else the terminal (twice when `confirm`).
const Secret* passphrase(const std::string& for_file, bool confirm, std::string& error) {
    if (g_passphrase) return g_passphrase.get();
    std::optional<Secret> s;
    if (!g_passphrase_file.empty()) {
        s = read_passphrase_file(g_passphrase_file, error);
    } else {
        s = ask_terminal(msg("trust.prompt", for_file), error);
        if (s && confirm) {
            auto again = ask_terminal(msg("trust.prompt.again"), error);
            if (!again) return nullptr;
            if (!again->equals(*s)) {
                error = msg("trust.passphrase.mismatch");
                return nullptr;
            }
        }
    }
    if (!s) return nullptr;
    g_passphrase = std::make_unique<Secret>(std::move(*s));
    return g_passphrase.get();
}

bool file_is_encrypted(const std::string& path) {
    char head[4] = {};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    ssize_t n = regular ? ::read(fd, head, 4) : 0;
    ::close(fd);
    return n == 4 && is_encrypted(std::string_view(head, 4));
}

struct CryptArgs {
    std::string in, out;
};

void run_encrypt(const CryptArgs& a, int& exit_code) {
    exit_code = 1;
    if (file_is_encrypted(a.in)) {
        std::cerr << "kring: " << a.in << ": " << msg("trust.already_encrypted") << "\n";
        return;
    }
    LoadResult r = load_case(a.in);
    if (!r.ok()) {
        std::cerr << "kring: " << r.error << "\n";
        return;
    }
    std::string error;
    const Secret* pass = passphrase(a.out, true, error);
    if (!pass) {
        std::cerr << "kring: " << error << "\n";
        return;
    }
    std::string plain = serialize_case(r.value);
    CryptoResult sealed = encrypt_bytes(plain, *pass);
    wipe(plain);
    if (!sealed.ok()) {
        std::cerr << "kring: " << a.out << ": " << sealed.error << "\n";
        return;
    }
    // No backup: when encrypting in place, PATH.bak would keep the plain text.
    if (auto saved = write_file_atomic(a.out, sealed.bytes, false); !saved.ok()) {
        std::cerr << "kring: " << saved.error << "\n";
        return;
    }
    std::error_code ec;
    if (!std::filesystem::equivalent(a.in, a.out, ec))
        std::cerr << "kring: " << msg("trust.plain_remains", a.in) << "\n";
    exit_code = 0;
}

void run_decrypt(const CryptArgs& a, int& exit_code) {
    exit_code = 1;
    if (!file_is_encrypted(a.in)) {
        LoadResult probe = load_case(a.in);
        std::cerr << "kring: " << (probe.ok() ? a.in + ": " + msg("trust.not_encrypted") : probe.error) << "\n";
        return;
    }
    std::string error;
    const Secret* pass = passphrase(a.in, false, error);
    if (!pass) {
        std::cerr << "kring: " << error << "\n";
        return;
    }
    LoadResult r = load_case(a.in, pass);
    if (!r.ok()) {
        std::cerr << "kring: " << r.error << "\n";
        return;
    }
    std::string plain = serialize_case(r.value);
    auto saved = write_file_atomic(a.out, plain, false);
    wipe(plain);
    if (!saved.ok()) {
        std::cerr << "kring: " << saved.error << "\n";
        return;
    }
    std::cerr << "kring: " << msg("trust.plain_written", a.out) << "\n";
    exit_code = 0;
}

}  // namespace

void add_passphrase_option(CLI::App& sub) {
    sub.add_option("--passphrase-file", g_passphrase_file,
                   "encrypted case: read the passphrase from the first line of this file (default: ask)");
}

LoadResult load_case_cli(const std::string& path) {
    if (!file_is_encrypted(path)) return load_case(path);
    std::string error;
    const Secret* pass = passphrase(path, false, error);
    if (!pass) {
        LoadResult r;
        r.error = path + ": " + error;
        return r;
    }
    return load_case(path, pass);
}

void register_crypt(CLI::App& app, int& exit_code) {
    auto enc = std::make_shared<CryptArgs>();
    auto* e = app.add_subcommand("encrypt", "Encrypt a case file with a passphrase (Argon2id + XChaCha20-Poly1305)");
    e->add_option("CASE", enc->in, "case file (.kring)")->required();
    e->add_option("-o,--output", enc->out, "encrypted case file to write")->required();
    add_passphrase_option(*e);
    e->callback([enc, &exit_code] { run_encrypt(*enc, exit_code); });

    auto dec = std::make_shared<CryptArgs>();
    auto* d = app.add_subcommand("decrypt", "Decrypt an encrypted case file");
    d->add_option("CASE", dec->in, "encrypted case file")->required();
    d->add_option("-o,--output", dec->out, "plain case file to write")->required();
    add_passphrase_option(*d);
    d->callback([dec, &exit_code] { run_decrypt(*dec, exit_code); });

    // Commands that read one case also accept encrypted cases.
    for (const char* name : {"validate", "print", "analyze", "export", "meeting", "snapshot"}) {
        try {
            add_passphrase_option(*app.get_subcommand(name));
        } catch (const CLI::OptionNotFound&) {
            // not registered in this build
        }
    }
}

}  // namespace kring::cli
