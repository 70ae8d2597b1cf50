// kring print --view meeting|compare, kring snapshot and kring meeting, run as processes.
#include "cli_helpers.hpp"

#include "core/caseio.hpp"
#include "core/commands.hpp"
#include "core/meeting.hpp"

#include <doctest/doctest.h>

using namespace kring::test;

namespace {

std::string beraad_case() {
    return (std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo-beraad.kring").string();
}

// Pages of a PDF according to pdfinfo, or -1.
int pdf_pages(const std::string& pdf) {
    auto info = run_shell("pdfinfo " + quote(pdf));
    auto p = info.output.find("Pages:");
    if (info.status != 0 || p == std::string::npos) return -1;
    return std::stoi(info.output.substr(p + 6));
}

// Renders every page with pdftoppm; returns the number of PNG files written.
int rendered_pages(const CliTempDir& dir, const std::string& pdf, const std::string& stem) {
    auto r = run_shell("pdftoppm -png -r 30 " + quote(pdf) + " " + quote(dir / stem));
    if (r.status != 0) return -1;
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path))
        if (e.path().filename().string().rfind(stem + "-", 0) == 0 && e.path().extension() == ".png" &&
            std::filesystem::file_size(e.path()) > 1000)
            ++n;
    return n;
}

// A fresh copy of the demo case (no netwerkberaad yet) in `dir`.
std::string demo_copy(const CliTempDir& dir, const std::string& name = "case.kring") {
    const std::string c = dir / name;
    std::filesystem::copy_file(demo_case(), c);
    return c;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

kring::Case reload(const std::string& path) {
    auto r = kring::load_case(path);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return std::move(r.value);
}

}  // namespace

TEST_CASE("kring print --view meeting: invitation list, map and meeting sheet in one PDF") {
    if (!have_program("pdftoppm") || !have_program("pdfinfo")) {
        MESSAGE("skipped: pdftoppm/pdfinfo (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "beraad.pdf";
    auto r = kring_cli("print " + quote(beraad_case()) + " --view meeting -o " + quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(slurp(pdf).rfind("%PDF-", 0) == 0);
    CHECK(pdf_pages(pdf) == 4);  // invitations, map, sheet, agreements
    CHECK(rendered_pages(dir, pdf, "meet") == 4);
    auto text = run_shell("pdftotext -layout " + quote(pdf) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("uitnodigingslijst") != std::string::npos);
        CHECK(text.output.find("06-1234 5678") != std::string::npos);
        CHECK(text.output.find("opvolging te") != std::string::npos);
    }
    // Sharing copy in English: no contact details.
    const std::string shared = dir / "shared.pdf";
    r = kring_cli("print " + quote(beraad_case()) + " --view meeting --no-notes --lang en -o " + quote(shared));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(pdf_pages(shared) == 4);
    text = run_shell("pdftotext -layout " + quote(shared) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("invitation list") != std::string::npos);
        CHECK(text.output.find("06-1234 5678") == std::string::npos);
    }
}

TEST_CASE("kring print --view compare: map with differences and table") {
    if (!have_program("pdftoppm") || !have_program("pdfinfo")) {
        MESSAGE("skipped: pdftoppm/pdfinfo (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "cmp.pdf";
    auto r = kring_cli("print " + quote(beraad_case()) + " --view compare --from intake --to 'na netwerkberaad' -o " +
                       quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(pdf_pages(pdf) == 3);  // map, table, timeline
    CHECK(rendered_pages(dir, pdf, "cmp") == 3);
    auto text = run_shell("pdftotext -layout " + quote(pdf) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("Bianca Kok") != std::string::npos);
        CHECK(text.output.find("vertrokken") != std::string::npos);
    }
    // Against the case as it is now, as SVG: one file per page.
    const std::string svg = dir / "cmp.svg";
    r = kring_cli("print " + quote(beraad_case()) + " --view compare --from intake --lang en -o " + quote(svg));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(std::filesystem::exists(svg));
    CHECK(std::filesystem::exists(dir / "cmp-2.svg"));
    CHECK(slurp(dir / "cmp-2.svg").find("Comparison") != std::string::npos);
    CHECK(slurp(dir / "cmp-3.svg").find("Timeline") != std::string::npos);

    r = kring_cli("print " + quote(beraad_case()) + " --view compare --from nope -o " + quote(dir / "x.pdf"));
    CHECK(r.status == 2);
    CHECK(r.output.find("geen momentopname \"nope\"") != std::string::npos);
    CHECK(r.output.find("intake, na netwerkberaad") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "x.pdf"));
}

TEST_CASE("kring snapshot and kring meeting") {
    CliTempDir dir;
    const std::string c = dir / "case.kring";
    std::filesystem::copy_file(beraad_case(), c);
    auto r = kring_cli("snapshot " + quote(c) + " --label 'zes maanden later' --date 2027-03-01");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("momentopname \"zes maanden later\" opgeslagen") != std::string::npos);
    r = kring_cli("snapshot " + quote(c) + " --list");
    CHECK(r.status == 0);
    CHECK(r.output.find("intake") != std::string::npos);
    CHECK(r.output.find("zes maanden later\t01-03-2027") != std::string::npos);
    const std::string before = slurp(c);
    r = kring_cli("snapshot " + quote(c) + " --label intake");
    CHECK(r.status == 2);
    CHECK(r.output.find("already") != std::string::npos);
    CHECK(slurp(c) == before);
    r = kring_cli("snapshot " + quote(c) + " --label x --date 2027-13-01");
    CHECK(r.status == 2);
    CHECK(slurp(c) == before);
    CHECK(kring_cli("validate " + quote(c)).status == 0);

    r = kring_cli("meeting " + quote(c) + " --today 2026-11-23 --lang en");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("2 agreement(s) not followed up in time") != std::string::npos);
    CHECK(r.output.find("a3\tfollow-up overdue") != std::string::npos);
    r = kring_cli("meeting " + quote(c) + " --done a3 --today 2026-11-23 --lang en");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("a3\tdone") != std::string::npos);
    CHECK(r.output.find("1 agreement(s) not followed up in time") != std::string::npos);
    r = kring_cli("meeting " + quote(c) + " --done a99");
    CHECK(r.status == 2);
    r = kring_cli("meeting " + quote(c) + " --timeline --lang en");
    CHECK(r.status == 0);
    CHECK(r.output.find("2026-03-02\tsnapshot \"intake\"") == 0);
    CHECK(r.output.find("2027-03-01\tsnapshot \"zes maanden later\"") != std::string::npos);
}

TEST_CASE("kring meeting: entering the preparation from the command line") {
    CliTempDir dir;
    const std::string c = demo_copy(dir);
    auto r = kring_cli("meeting " + quote(c) + " --date 2026-09-12 --question 'Hoe blijven Lotte en Ayla veilig thuis?'" +
                       " --invite p8 --role family --consent yes --reach '06-1111 2222' --availability overdag");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK_MESSAGE(has(r.output, "Datum netwerkberaad: 12-09-2026\n"), r.output);
    CHECK(has(r.output, "Centrale vraag of zorg: Hoe blijven Lotte en Ayla veilig thuis?\n"));
    CHECK(has(r.output, "1 uitgenodigd, 0 afspraken"));
    CHECK(has(r.output,
              "uitgenodigd\tRia de Vries-Smit (p8)\tfamilie\tOuder akkoord: ja\tBereikbaar via: 06-1111 2222\tBeschikbaar: overdag\n"));

    // By name (any case); without --role the role follows the person's category (a neighbour: network).
    r = kring_cli("meeting " + quote(c) + " --invite 'fatima el amrani'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK_MESSAGE(has(r.output, "uitgenodigd\tFatima El Amrani (p11)\tnetwerk\tOuder akkoord: nog niet gevraagd\n"), r.output);
    r = kring_cli("meeting " + quote(c) + " --invite p13");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(has(r.output, "uitgenodigd\tEsra Şahin (p13)\tprofessional\t"));

    // Inviting again changes only the fields given.
    r = kring_cli("meeting " + quote(c) + " --invite p8 --consent no --lang en");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK_MESSAGE(has(r.output, "invited\tRia de Vries-Smit (p8)\tfamily\tParent agrees: no\tHow to reach: 06-1111 2222\tAvailable: overdag\n"),
                  r.output);
    CHECK(has(r.output, "3 invited, 0 agreements"));

    // Goals and offers, repeatable, before the case file too.
    r = kring_cli("meeting --goal 'housing:De woning blijft behouden' --goal 'parenting:Op tijd naar school'"
                  " --goal 'finances:Geen nieuwe schulden' " + quote(c) +
                  " --offer 'p8:childcare:parenting:Haalt de meisjes op woensdag uit school'"
                  " --offer 'Dennis Smit:practical:housing:Helpt bij klussen: verven en behangen'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(has(r.output, "doel 1\tWonen: De woning blijft behouden\n"));
    CHECK(has(r.output, "doel 2\tOpvoeding: Op tijd naar school\n"));
    CHECK(has(r.output, "doel 3\tFinanciën en schulden: Geen nieuwe schulden\n"));
    CHECK(has(r.output, "aanbod 1\tRia de Vries-Smit (p8)\tkinderopvang\tOpvoeding: Haalt de meisjes op woensdag uit school\n"));
    // The description keeps its own colons; an offer by someone not invited is kept, with a warning.
    CHECK(has(r.output, "aanbod 2\tDennis Smit (p12)\tpraktisch\tWonen: Helpt bij klussen: verven en behangen\n"));
    CHECK(has(r.output, "Dennis Smit staat niet op de uitnodigingslijst"));
    CHECK(has(r.output, "Doelen zonder aanbod: Financiën en schulden"));

    r = kring_cli("meeting " + quote(c) + " --remove-goal 2 --remove-offer 2");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(!has(r.output, "Op tijd naar school"));
    CHECK(has(r.output, "doel 2\tFinanciën en schulden: Geen nieuwe schulden\n"));
    CHECK(!has(r.output, "aanbod 2"));

    // An agreement: listed, and drawn on the map as a support relation from the meeting date.
    r = kring_cli("meeting " + quote(c) + " --agree 'Haalt Lotte op woensdag uit school' --who p8 --for 'Sanne de Vries'" +
                  " --support childcare --domain parenting --by 2026-10-01 --follow-up 2026-10-15 --today 2026-09-20");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK_MESSAGE(has(r.output, "3 uitgenodigd, 1 afspraken"), r.output);
    CHECK(has(r.output, "a1\tloopt\tRia de Vries-Smit \u2192 Sanne de Vries: Haalt Lotte op woensdag uit school"
                        " (uiterlijk 01-10-2026) [opvolgen 15-10-2026]\n"));
    r = kring_cli("meeting " + quote(c) + " --today 2026-10-20");
    CHECK(has(r.output, "a1\topvolging te laat"));

    {
        const kring::Case k = reload(c);
        const kring::Meeting& m = k.info.meeting;
        CHECK(m.date == kring::PartialDate{2026, 9, 12});
        CHECK(m.question == "Hoe blijven Lotte en Ayla veilig thuis?");
        REQUIRE(m.invitees.size() == 3);
        CHECK(m.invitees[0].person == kring::PersonId(8));
        CHECK(m.invitees[0].role == kring::InviteRole::Family);
        CHECK(m.invitees[0].consent == kring::Consent::No);
        CHECK(m.invitees[0].reach == "06-1111 2222");
        CHECK(m.invitees[1].role == kring::InviteRole::Network);
        CHECK(m.invitees[2].role == kring::InviteRole::Professional);
        REQUIRE(m.goals.size() == 2);
        CHECK(m.goals[1].domain == kring::LifeDomain::Finances);
        REQUIRE(m.offers.size() == 1);
        CHECK(m.offers[0].support == kring::SupportType::Childcare);
        REQUIRE(m.agreements.size() == 1);
        const kring::Agreement& ag = m.agreements[0];
        CHECK(ag.id == 1);
        CHECK(ag.by_when == kring::PartialDate{2026, 10, 1});
        CHECK(ag.follow_up == kring::PartialDate{2026, 10, 15});
        const kring::Relation* rel = k.relation(ag.relation);
        REQUIRE(rel != nullptr);
        CHECK(rel->kind == kring::RelationKind::Support);
        CHECK(rel->a == kring::PersonId(8));
        CHECK(rel->b == kring::PersonId(1));
        CHECK(rel->support == kring::SupportType::Childcare);
        CHECK(rel->start == kring::PartialDate{2026, 9, 12});
        CHECK(has(rel->note, "Afspraak a1: Haalt Lotte op woensdag uit school"));
    }
    CHECK(kring_cli("validate " + quote(c)).status == 0);

    // The printed meeting documents work on what was entered.
    const std::string pdf = dir / "beraad.pdf";
    r = kring_cli("print " + quote(c) + " --view meeting -o " + quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(slurp(pdf).rfind("%PDF-", 0) == 0);
    if (have_program("pdfinfo")) CHECK(pdf_pages(pdf) == 4);  // invitations, map, sheet, agreements
    if (have_program("pdftotext")) {
        auto text = run_shell("pdftotext -layout " + quote(pdf) + " -");
        CHECK(has(text.output, "Ria de Vries-Smit"));
        CHECK(has(text.output, "Geen nieuwe schulden"));
    }

    // Removing the agreement removes its support relation; uninviting keeps the offers, with a warning.
    const std::size_t relations = reload(c).relations().size();
    r = kring_cli("meeting " + quote(c) + " --remove-agreement a1 --uninvite p8");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(has(r.output, "2 uitgenodigd, 0 afspraken"));
    CHECK(has(r.output, "het aanbod van Ria de Vries-Smit blijft staan (nummer 1)"));
    CHECK(has(r.output, "aanbod 1\tRia de Vries-Smit (p8)"));
    const kring::Case k = reload(c);
    CHECK(k.relations().size() == relations - 1);
    CHECK(k.info.meeting.agreements.empty());
    CHECK(k.info.meeting.offers.size() == 1);
    CHECK(kring::find_invitee(k.info.meeting, kring::PersonId(8)) == nullptr);
}

TEST_CASE("kring meeting: wrong input names the option, lists the choices and leaves the file alone") {
    CliTempDir dir;
    const std::string c = demo_copy(dir);
    REQUIRE(kring_cli("meeting " + quote(c) + " --goal 'housing:Een vaste woonplek' --invite p8").status == 0);
    const std::string before = slurp(c);
    const auto refused = [&](const std::string& args, const std::vector<std::string>& parts) {
        CAPTURE(args);
        auto r = kring_cli("meeting " + quote(c) + " " + args);
        CHECK_MESSAGE(r.status == 2, r.output);
        for (const auto& part : parts) CHECK_MESSAGE(has(r.output, part), r.output);
        CHECK(slurp(c) == before);
    };
    refused("--invite p99", {"--invite \"p99\": niemand in dit dossier heeft dit nummer of deze naam",
                             "personen in dit dossier: p1 Sanne de Vries, p2 Jayden Bakker"});
    refused("--invite Bakker", {"bedoeld is misschien: p2 Jayden Bakker, p3 Lotte Bakker, p5 Kevin Bakker"});
    refused("--question 'Nieuwe vraag' --goal 'wonen:Een huis'",
            {"--goal \"wonen:Een huis\": \"wonen\" is geen leefgebied; kies uit parenting, finances, housing, health,"
             " work-school, social, leisure, justice"});
    refused("--goal 'wonen:Een huis' --lang en", {"\"wonen\" is not a life domain; choose from parenting,"});
    refused("--goal 'Een huis'", {"schrijf LEEFGEBIED:TEKST"});
    refused("--goal 'housing:'", {"--goal \"housing:\": de tekst ontbreekt"});
    refused("--offer 'p8:geld:finances:Leent geld'",
            {"\"geld\" is geen soort steun; kies uit practical, financial, emotional, informational, childcare"});
    refused("--offer 'p8:practical'", {"schrijf PERSOON:STEUN:LEEFGEBIED:OMSCHRIJVING"});
    refused("--offer 'Piet:practical:housing:Klust'", {"--offer \"Piet:practical:housing:Klust\": niemand"});
    refused("--invite p10 --role baas", {"\"baas\" is geen rol; kies uit family, network, professional, chair"});
    refused("--invite p10 --consent misschien", {"kies uit unknown, yes, no"});
    refused("--invite p9", {"--invite \"p9\": Henk de Vries is overleden"});
    refused("--invite p18", {"--invite \"p18\": dit is geen persoon"});
    refused("--role family", {"--role hoort bij --invite PERSOON"});
    refused("--uninvite p9", {"Henk de Vries staat niet op de uitnodigingslijst"});
    refused("--date 2026-13-01", {"--date \"2026-13-01\": geen geldige datum"});
    refused("--remove-goal 2", {"--remove-goal \"2\": kies een nummer van 1 tot en met 1"});
    refused("--remove-goal x", {"kies een nummer van 1 tot en met 1"});
    refused("--remove-offer 1", {"--remove-offer \"1\": de lijst is nog leeg"});
    refused("--agree 'Belt elke week' --who p8 --for p8", {"--who en --for zijn allebei Ria de Vries-Smit"});
    refused("--agree 'Belt elke week' --who p8", {"--agree heeft --who PERSOON (wie het doet) en --for PERSOON"});
    refused("--agree 'Belt elke week' --who p8 --for p1 --follow-up morgen", {"--follow-up \"morgen\": geen geldige datum"});
    refused("--who p8", {"--who hoort bij --agree WAT"});
    refused("--remove-agreement a9", {"geen afspraak \"a9\""});

    // Two persons with the same name: the name is ambiguous, the ids are not.
    {
        kring::Case k = reload(c);
        kring::Person twin;
        twin.given = "Lotte";
        twin.family = "Bakker";
        kring::History h;
        REQUIRE(h.execute(k, kring::cmd::add_person(k, twin)).ok());
        REQUIRE(kring::save_case(k, c).ok());
    }
    const std::string with_twin = slurp(c);
    auto r = kring_cli("meeting " + quote(c) + " --invite 'Lotte Bakker'");
    CHECK(r.status == 2);
    CHECK_MESSAGE(has(r.output, "meer dan één persoon heet zo: p3 Lotte Bakker, p19 Lotte Bakker; gebruik het nummer"), r.output);
    CHECK(slurp(c) == with_twin);
    CHECK(kring_cli("meeting " + quote(c) + " --invite p19").status == 0);
}

TEST_CASE("kring meeting: an encrypted case is not edited") {
    CliTempDir dir;
    const std::string pw = dir / "pw";
    std::ofstream(pw) << "een geheime zin\n";
    std::filesystem::permissions(pw, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const std::string enc = dir / "enc.kring";
    REQUIRE(kring_cli("encrypt " + quote(demo_case()) + " -o " + quote(enc) + " --passphrase-file " + quote(pw)).status == 0);
    const std::string before = slurp(enc);
    auto r = kring_cli("meeting " + quote(enc) + " --question 'Wat nu?' --passphrase-file " + quote(pw));
    CHECK(r.status == 1);
    CHECK_MESSAGE(has(r.output, "dit dossier is versleuteld"), r.output);
    r = kring_cli("meeting " + quote(enc) + " --goal 'housing:Een huis' < /dev/null");  // refused before a passphrase is asked
    CHECK(r.status == 1);
    CHECK(has(r.output, "versleuteld"));
    CHECK(slurp(enc) == before);
    // Reading still works.
    r = kring_cli("meeting " + quote(enc) + " --passphrase-file " + quote(pw));
    CHECK_MESSAGE(r.status == 0, r.output);
    CHECK(has(r.output, "nog geen netwerkberaad"));
}
