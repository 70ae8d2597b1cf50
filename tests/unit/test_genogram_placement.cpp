// Genogram layout engine: where families stand - a married-in partner's family, children
// without birth dates, several partners, families joined by one marriage, sibships that
// share couples - hand-made cases checked with the quality metrics.
#include "core/generate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_internal.hpp"
#include "layouts/genogram_metrics.hpp"

#include "genogram_test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

using namespace kring;
using namespace kring::genogram_test;

TEST_CASE("genogram: a married-in partner's family on their side, not across the siblings") {
    // Anna, the eldest, marries Dirk, whose parents and younger sister Eva are in the
    // genogram too. Depth-first, Dirk's family lands between Anna and her younger brothers
    // (Anna, Dirk, Eva, Bert, Carl): both lines from Dirk's parents cross both brothers'
    // lines, 4 crossings. With Eva beyond the brothers (Anna, Dirk, Bert, Carl, Eva) Dirk's
    // own line still crosses his brothers-in-law's (2). Best: Dirk's family on the left,
    // Dirk, Anna, Eva, Bert, Carl - only Eva's line crosses Anna's (1).
    Builder b;
    PersonId gf = b.person("Opa", Sex::Male, 1920), gm = b.person("Oma", Sex::Female, 1922);
    b.couple(gf, gm);
    PersonId anna = b.person("Anna", Sex::Female, 1950), bert = b.person("Bert", Sex::Male, 1952);
    PersonId carl = b.person("Carl", Sex::Male, 1954);
    for (PersonId k : {anna, bert, carl}) b.child(gf, gm, k);
    PersonId af = b.person("Vader Dirk", Sex::Male, 1918), am = b.person("Moeder Dirk", Sex::Female, 1921);
    b.couple(af, am);
    PersonId dirk = b.person("Dirk", Sex::Male, 1949), eva = b.person("Eva", Sex::Female, 1953);
    b.child(af, am, dirk);
    b.child(af, am, eva);
    b.couple(dirk, anna);
    b.child(dirk, anna, b.person("Kind", Sex::Female, 1975));
    // Eva and Bert have families of their own.
    PersonId pe = b.person("Partner Eva", Sex::Male, 1951), pb = b.person("Partner Bert", Sex::Female, 1953);
    b.couple(pe, eva);
    b.couple(bert, pb);
    b.child(pe, eva, b.person("Kind Eva", Sex::Male, 1978));
    b.child(bert, pb, b.person("Kind Bert", Sex::Male, 1978));

    GenogramMetrics m = measure_genogram(b.c, opts());
    check_clean(m);
    CHECK(m.partners_adjacent == m.partners);
    CHECK(m.crossings == 1);
    LayoutResult r = layout_genogram(b.c, opts());
    auto x = [&](PersonId p) { return sym(r, p).center.x; };
    CHECK(x(dirk) < x(anna));
    CHECK(x(anna) < x(eva));
    CHECK(x(eva) < x(bert));
    CHECK(x(bert) < x(carl));
    CHECK(x(af) < x(gf));  // each family's parents above its own side
}

TEST_CASE("genogram: a child whose birth date is not known has no birth order to keep") {
    // Sanne (1950) and Tom (1960) have families of their own; Tom married Wendy, whose
    // parents are in the genogram. Lotte has no partner or children. Born in 1970 she
    // belongs right of Tom, beyond Wendy, where her line crosses Wendy's; with no birth
    // date known she may stand where nothing is crossed, and her siblings keep their order.
    // The same when she has a partner (then she takes part in the sweeps).
    for (const auto& [lotte_born, married] : {std::pair{1970, false}, {0, false}, {1970, true}, {0, true}}) {
        CAPTURE(lotte_born);
        CAPTURE(married);
        Builder b;
        PersonId opa = b.person("Opa", Sex::Male, 1920), oma = b.person("Oma", Sex::Female, 1922);
        b.couple(opa, oma);
        PersonId sanne = b.person("Sanne", Sex::Female, 1950), tom = b.person("Tom", Sex::Male, 1960);
        PersonId lotte = b.person("Lotte", Sex::Female, lotte_born);
        for (PersonId k : {sanne, tom, lotte}) b.child(opa, oma, k);
        if (married) b.couple(lotte, b.person("Partner Lotte", Sex::Male, 1968));
        PersonId vince = b.person("Vince", Sex::Male, 1948);
        b.couple(vince, sanne);
        b.child(vince, sanne, b.person("Kind Sanne", Sex::Male, 1975));
        PersonId wv = b.person("Vader Wendy", Sex::Male, 1930), wm = b.person("Moeder Wendy", Sex::Female, 1932);
        b.couple(wv, wm);
        PersonId wendy = b.person("Wendy", Sex::Female, 1962);
        b.child(wv, wm, wendy);
        b.couple(tom, wendy);
        b.child(tom, wendy, b.person("Kind Tom", Sex::Female, 1985));

        GenogramMetrics m = measure_genogram(b.c, opts());
        check_clean(m);
        CHECK(m.partners_adjacent == m.partners);
        LayoutResult r = layout_genogram(b.c, opts());
        auto x = [&](PersonId p) { return sym(r, p).center.x; };
        CHECK(x(sanne) < x(tom));
        CHECK(x(tom) < x(wendy));
        if (lotte_born) {
            CHECK(x(lotte) > x(tom));
            CHECK(m.crossings == 1);
        } else {
            CHECK(x(lotte) < x(wendy));
            CHECK(m.crossings == 0);
        }
    }
}

TEST_CASE("genogram: a family with few known generations hangs just above the child who married into a deep one") {
    // Five generations of one family; Zoe, from a family known for only two generations
    // above her, marries Daan in the youngest. Her mother Zus and grandparents belong just
    // above her, not at the top with a line of descent through three generations.
    Builder b;
    PersonId up = b.person("Stam", Sex::Male, 1870), upw = b.person("Stamvrouw", Sex::Female, 1872);
    b.couple(up, upw);
    PersonId last = up, lastw = upw;
    for (int g = 1; g <= 4; ++g) {
        PersonId son = b.person("Zoon " + std::to_string(g), Sex::Male, 1870 + 25 * g);
        PersonId wife = b.person("Vrouw " + std::to_string(g), Sex::Female, 1872 + 25 * g);
        b.child(last, lastw, son);
        b.couple(son, wife);
        last = son, lastw = wife;
    }
    PersonId daan = b.person("Daan", Sex::Male, 1995);
    b.child(last, lastw, daan);
    PersonId opa = b.person("Opa Z", Sex::Male, 1940), oma = b.person("Oma Z", Sex::Female, 1942);
    b.couple(opa, oma);
    PersonId zus = b.person("Zus", Sex::Female, 1965), oom = b.person("Oom", Sex::Male, 1967);
    b.child(opa, oma, zus);
    b.child(opa, oma, oom);
    PersonId zus_p = b.person("Partner Zus", Sex::Male, 1963), oom_p = b.person("Partner Oom", Sex::Female, 1968);
    b.couple(zus_p, zus);
    b.couple(oom, oom_p);
    b.child(oom, oom_p, b.person("Neef", Sex::Male, 1990));
    PersonId zoe = b.person("Zoe", Sex::Female, 1996), broer = b.person("Broer", Sex::Male, 1998);
    b.child(zus_p, zus, zoe);
    b.child(zus_p, zus, broer);
    b.couple(daan, zoe);
    b.child(daan, zoe, b.person("Baby", Sex::Female, 2022));

    GenogramMetrics m = measure_genogram(b.c, opts());
    check_clean(m);
    LayoutResult r = layout_genogram(b.c, opts());
    auto y = [&](PersonId p) { return sym(r, p).center.y; };
    const double row = y(daan) - y(last);
    CHECK(row > 0);
    CHECK(y(zoe) == doctest::Approx(y(daan)));
    CHECK(y(zoe) - y(zus) == doctest::Approx(row));  // was three rows
    CHECK(y(zus) - y(opa) == doctest::Approx(row));
    CHECK(y(oom) == doctest::Approx(y(zus)));        // siblings stay on one row
    CHECK(y(broer) == doctest::Approx(y(zoe)));
    CHECK(y(opa) > y(up));
}

TEST_CASE("genogram: partners on different rows are joined without a line through anyone") {
    // A father recorded as the partner of his own daughter (a data error the validator
    // reports): they cannot stand on one row. He stays beside his wife (levelling him
    // with the daughter put him on a row of his own, between his wife and the children),
    // and the line joining him to the daughter must not run through anyone.
    Builder b;
    PersonId a = b.person("Vader", Sex::Male, 1950), m = b.person("Moeder", Sex::Female, 1952);
    b.couple(a, m);
    PersonId d = b.person("Dochter", Sex::Female, 1975);
    for (PersonId k : {b.person("Zoon", Sex::Male, 1972), b.person("Zoon 2", Sex::Male, 1973), d,
                       b.person("Zoon 3", Sex::Male, 1978)})
        b.child(a, m, k);
    b.couple(a, d, PartnerStatus::Cohabiting);
    GenogramMetrics met = measure_genogram(b.c, opts());
    for (const auto& p : met.problems) MESSAGE(p);
    CHECK(met.symbol_overlaps == 0);
    CHECK(met.lines_through_symbols == 0);
    CHECK(met.lines_through_labels == 0);  // it leaves and meets them at the side, not through their names
    CHECK(met.off_row == 1);                // the two partners, and only them
    CHECK(layout_genogram(b.c, opts()).symbols.size() == b.c.persons().size());
}

TEST_CASE("genogram: someone married into the family stays beside their later partner from another family") {
    // Wim (son of the first family) marries Els, who has no parents in the genogram; after the
    // divorce Els marries Henk, a son of the second family. Els is placed as Wim's partner;
    // Henk must still stand beside her, not among his siblings at the far end of the row.
    Builder b;
    PersonId xa = b.person("Opa X", Sex::Male, 1920), xb = b.person("Oma X", Sex::Female, 1922);
    b.couple(xa, xb);
    PersonId wim = b.person("Wim", Sex::Male, 1950), zus = b.person("Zus X", Sex::Female, 1953);
    b.child(xa, xb, wim);
    b.child(xa, xb, zus);
    PersonId ya = b.person("Opa Y", Sex::Male, 1921), yb = b.person("Oma Y", Sex::Female, 1923);
    b.couple(ya, yb);
    PersonId broer = b.person("Broer Y", Sex::Male, 1948), henk = b.person("Henk", Sex::Male, 1951);
    PersonId zus_y = b.person("Zus Y", Sex::Female, 1955);
    for (PersonId k : {broer, henk, zus_y}) b.child(ya, yb, k);
    PersonId els = b.person("Els", Sex::Female, 1952);
    b.couple(wim, els, PartnerStatus::Divorced, 1974, 1980);
    b.couple(henk, els, PartnerStatus::Married, 1983);
    b.child(wim, els, b.person("Kind 1", Sex::Female, 1976));
    b.child(henk, els, b.person("Kind 2", Sex::Male, 1985));
    b.couple(broer, b.person("Partner Broer", Sex::Female, 1949));

    GenogramMetrics m = measure_genogram(b.c, opts());
    check_clean(m);
    CHECK(m.partners_adjacent == m.partners);
    LayoutResult r = layout_genogram(b.c, opts());
    auto x = [&](PersonId p) { return sym(r, p).center.x; };
    // Wim, Els, Henk side by side in that order (the earlier partner left).
    CHECK(x(wim) < x(els));
    CHECK(x(els) < x(henk));
    for (const Symbol& sy : r.symbols)
        if (sy.center.y == doctest::Approx(sym(r, els).center.y) && sy.person != els)
            CHECK_FALSE((sy.center.x > std::min(x(els), x(henk)) && sy.center.x < std::max(x(els), x(henk))));
    // Whichever family the depth-first order reaches first (each start of the crossing
    // reduction takes the persons without parents in another order), Els stands between her
    // two husbands in time order: reached as Henk's wife, Wim still goes to her left.
    using namespace genogram_detail;
    const Family f = build_family(b.c);
    const auto gen = assign_generations(f);
    for (std::uint32_t start = 0; start < 8; ++start) {
        CAPTURE(start);
        const Rows rows = order_rows(b.c, f, gen, start);
        const auto& row = rows[static_cast<std::size_t>(gen.at(els))];
        const auto at = [&](PersonId p) { return std::find(row.begin(), row.end(), p) - row.begin(); };
        CHECK(at(els) == at(wim) + 1);
        CHECK(at(henk) == at(els) + 1);
    }
}

TEST_CASE("genogram: a family joined to the rest by one marriage is moved beside it as a whole") {
    // The Smits: a couple, four children each married with two children of their own. The
    // Bakkers: a couple whose daughter Hanna married Gert, the Smits' eldest grandson, and
    // whose sons have families too. Started from an order with the Bakkers at the far end
    // of every row, Hanna's line crosses the whole Smit family; no single block can move
    // without crossing more (the Bakkers' sons hold their parents, and their children hold
    // them), so only moving the Bakker family as a whole brings Hanna under her parents.
    using namespace genogram_detail;
    Builder b;
    PersonId r1 = b.person("Opa Smit", Sex::Male, 1900), r2 = b.person("Oma Smit", Sex::Female, 1902);
    b.couple(r1, r2);
    PersonId gert, father, first_son;
    for (int i = 0; i < 4; ++i) {
        PersonId k = b.person("Kind Smit", Sex::Male, 1925 + i), sp = b.person("Partner", Sex::Female, 1926 + i);
        b.child(r1, r2, k);
        b.couple(k, sp);
        for (int j = 0; j < 2; ++j) {
            PersonId g = b.person("Kleinkind Smit", Sex::Male, 1950 + 2 * i + j), gp = b.person("Partner", Sex::Female, 1951);
            b.child(k, sp, g);
            if (i == 0 && j == 0) gert = g, father = k;
            else b.couple(g, gp), b.child(g, gp, b.person("Achterkleinkind", Sex::Female, 1980));
        }
    }
    PersonId h1 = b.person("Opa Bakker", Sex::Male, 1922), h2 = b.person("Oma Bakker", Sex::Female, 1924);
    b.couple(h1, h2);
    PersonId hanna = b.person("Hanna Bakker", Sex::Female, 1952);
    b.child(h1, h2, hanna);
    b.couple(gert, hanna);
    b.child(gert, hanna, b.person("Kind Gert", Sex::Male, 1980));
    for (int i = 0; i < 3; ++i) {
        PersonId s = b.person("Zoon Bakker", Sex::Male, 1954 + i), sp = b.person("Partner", Sex::Female, 1955);
        if (i == 0) first_son = s;
        b.child(h1, h2, s);
        b.couple(s, sp);
        for (int j = 0; j < 2; ++j) b.child(s, sp, b.person("Kleinkind Bakker", Sex::Female, 1980 + j));
    }

    const Family f = build_family(b.c);
    const auto gen = assign_generations(f);
    Rows rows = order_rows(b.c, f, gen);
    // Everyone named Bakker (and their partners and children) to the end of their row.
    std::unordered_map<PersonId, bool> bakker;
    for (PersonId p : f.persons) bakker[p] = b.c.person(p)->given.find("Bakker") != std::string::npos;
    for (const auto& [key, u] : f.unions)
        if ((bakker[u.a] || (u.b && bakker[u.b])) && !(u.a == gert || u.b == gert)) {
            bakker[u.a] = true;
            if (u.b) bakker[u.b] = true;
            for (PersonId ch : u.children) bakker[ch] = true;
        }
    for (auto& row : rows)
        std::stable_partition(row.begin(), row.end(), [&](PersonId p) { return !bakker[p] || p == hanna; });
    const PerPerson<int> family(f, 0);
    auto index = [&](PersonId p) {
        const auto& row = rows[static_cast<std::size_t>(gen.at(p))];
        return static_cast<int>(std::find(row.begin(), row.end(), p) - row.begin());
    };
    REQUIRE(index(h1) > index(r1) + 5);  // the start: the Bakkers far to the right

    optimise(rows, b.c, f, family, nullptr);
    // Hanna's parents now stand beside Gert's (on either side: both cross as few lines),
    // and her brothers' families start right after her and Gert (the depth-first order and
    // the sweeps alone left the Bakkers at the far end).
    CHECK(std::abs(index(h1) - index(father)) <= 3);
    CHECK(index(first_son) == std::max(index(hanna), index(gert)) + 1);
    // The rules still hold: partners side by side.
    CHECK(std::abs(index(gert) - index(hanna)) == 1);
    CHECK(std::abs(index(h1) - index(h2)) == 1);
}

TEST_CASE("genogram: two brothers married to two sisters - a recorded order keeps the sibship it broke") {
    // Bram (1935) and Jan (1938) married Ans (1939) and Mies (1937): Bram-Ans, Jan-Mies.
    // Partners side by side, one of the two sibships must be out of birth order. A recorded
    // order that breaks either one is kept as it is: repairing one would only break the other.
    Builder b;
    PersonId fa = b.person("Vader A", Sex::Male, 1905), ma = b.person("Moeder A", Sex::Female, 1907);
    PersonId fb = b.person("Vader B", Sex::Male, 1906), mb = b.person("Moeder B", Sex::Female, 1908);
    b.couple(fa, ma);
    b.couple(fb, mb);
    PersonId bram = b.person("Bram", Sex::Male, 1935), jan = b.person("Jan", Sex::Male, 1938);
    PersonId mies = b.person("Mies", Sex::Female, 1937), ans = b.person("Ans", Sex::Female, 1939);
    b.child(fa, ma, bram);
    b.child(fa, ma, jan);
    b.child(fb, mb, mies);
    b.child(fb, mb, ans);
    b.couple(bram, ans);
    b.couple(jan, mies);
    for (const std::vector<PersonId>& second_row : {std::vector<PersonId>{bram, ans, jan, mies},    // A in order
                                                    std::vector<PersonId>{jan, mies, bram, ans}}) {  // B in order
        Case c = b.c;
        c.info.genogram_order = {fa, ma, fb, mb};
        c.info.genogram_order.insert(c.info.genogram_order.end(), second_row.begin(), second_row.end());
        CHECK(genogram_drawn_order(c) == c.info.genogram_order);
    }
}

TEST_CASE("genogram: siblings with birth dates stay in birth order beside a sibling without one") {
    // Two families each give a son and a daughter to the other: Xander (1963) and Zoë
    // (1971), children of the Pieters, marry Vera (birth date unknown) and Wout (1977), the
    // children of the Quints. Only Xander and Zoë have an order to keep (Xander left); Vera,
    // without a birth date, may stand on either side of her brother.
    for (int variant = 0; variant < 2; ++variant) {
        CAPTURE(variant);
        Builder b;
        // The Quints first: the depth-first order then reaches Wout and Zoë before Xander.
        PersonId q1 = b.person("Vader Q", Sex::Male, 1931), q2 = b.person("Moeder Q", Sex::Female, 1933);
        PersonId p1 = b.person("Vader P", Sex::Male, 1930), p2 = b.person("Moeder P", Sex::Female, 1932);
        b.couple(p1, p2);
        b.couple(q1, q2);
        PersonId wout, vera;
        if (variant == 0) {  // the Quints' children first in id order
            wout = b.person("Wout", Sex::Male, 1977);
            vera = b.person("Vera", Sex::Female);
        } else {
            vera = b.person("Vera", Sex::Female);
            wout = b.person("Wout", Sex::Male, 1977);
        }
        PersonId xander = b.person("Xander", Sex::Male, 1963), zoe = b.person("Zoë", Sex::Female, 1971);
        b.child(p1, p2, xander);
        b.child(p1, p2, zoe);
        b.child(q1, q2, wout);
        b.child(q1, q2, vera);
        b.couple(xander, vera);
        b.couple(wout, zoe);
        for (PersonId parent : {xander, zoe}) b.child(parent, parent == xander ? vera : wout, b.person("Kind", Sex::Male, 1995));
        const GenogramMetrics m = measure_genogram(b.c, opts());
        check_clean(m);
        CHECK(m.partners_adjacent == m.partners);
        LayoutResult r = layout_genogram(b.c, opts());
        CHECK(sym(r, xander).center.x < sym(r, zoe).center.x);
    }
}

namespace {

// The genogram's rows: none empty, and every connected family has someone on the top row.
void check_rows_filled(const Case& c) {
    genogram_detail::Plan plan;
    (void)genogram_detail::layout_genogram_detailed(c, opts(), nullptr, &plan);
    std::map<int, int> top;  // family -> its highest row
    for (std::size_t r = 0; r < plan.rows.size(); ++r) {
        CAPTURE(r);
        CHECK_FALSE(plan.rows[r].empty());
        for (PersonId p : plan.rows[r])
            if (!top.count(plan.comp_of.at(p))) top[plan.comp_of.at(p)] = static_cast<int>(r);
    }
    for (const auto& [family, row] : top) {
        CAPTURE(family);
        CHECK(row == 0);
    }
}

}  // namespace

TEST_CASE("genogram: every family starts on the top row and no row is left empty") {
    // Beside each case, a small family of its own: the Bossen, a couple and their child.
    // Found by random families: the first two drew the main family rows below the Bossen,
    // with a blank band across the drawing; the third did so on data validate() rejects.
    Builder b;
    PersonId bos = b.person("Bos", Sex::Male, 1950), bos_w = b.person("Mevrouw Bos", Sex::Female, 1952);
    b.couple(bos, bos_w);
    b.child(bos, bos_w, b.person("Kind Bos", Sex::Female, 1980));
    using namespace genogram_detail;

    SUBCASE("a father's son by an earlier partner holds him and his wife on their row") {
        // Jan has Piet by Ria, and Anna by his wife Els. Piet's son Kees married Anna, his
        // half-aunt, so Anna stands two rows below her parents. Pulling Els down to just
        // above Anna took Jan along and pushed Piet down, and so on for three rounds.
        PersonId jan = b.person("Jan", Sex::Male, 1930), els = b.person("Els", Sex::Female, 1945);
        PersonId ria = b.person("Ria", Sex::Female, 1931);
        b.couple(jan, els);
        PersonId piet = b.person("Piet", Sex::Male, 1952), lies = b.person("Lies", Sex::Female, 1953);
        b.child(jan, ria, piet);
        b.couple(piet, lies);
        PersonId kees = b.person("Kees", Sex::Male, 1975), anna = b.person("Anna", Sex::Female, 1972);
        b.child(piet, lies, kees);
        b.child(jan, els, anna);
        b.couple(kees, anna);
        PersonId tim = b.person("Tim", Sex::Male, 2000);
        b.child(kees, anna, tim);
        const Family f = build_family(b.c);
        const auto gen = assign_generations(f);
        for (PersonId p : {jan, els, ria, bos}) CHECK(gen.at(p) == 0);
        CHECK(gen.at(piet) == 1);
        CHECK(gen.at(kees) == 2);
        CHECK(gen.at(anna) == 2);
        CHECK(gen.at(tim) == 3);
        check_rows_filled(b.c);
        check_clean(measure_genogram(b.c, opts()));
    }
    SUBCASE("a man who later lived with his wife's daughter") {
        // Henk married Wilma, and later lived with Sanne, Wilma's daughter by Ruud. Henk
        // cannot stand level with both Wilma and Sanne, a row below her: levelling them
        // pushed the family down a row per round, as far as it has persons. He stands with
        // the partner closer to his age, Wilma; the line to Sanne goes down a row.
        PersonId ruud = b.person("Ruud", Sex::Male, 1948), wilma = b.person("Wilma", Sex::Female, 1950);
        PersonId henk = b.person("Henk", Sex::Male, 1955), sanne = b.person("Sanne", Sex::Female, 1972);
        b.child(ruud, wilma, sanne);
        b.couple(henk, wilma, PartnerStatus::Divorced);
        b.couple(henk, sanne, PartnerStatus::Cohabiting);
        PersonId kind = b.person("Kind", Sex::Male, 1998);
        b.child(henk, sanne, kind);
        const Family f = build_family(b.c);
        const auto gen = assign_generations(f);
        CHECK(gen.at(wilma) == 0);
        CHECK(gen.at(sanne) == 1);
        CHECK(gen.at(kind) == 2);
        CHECK(gen.at(henk) == 0);
        check_rows_filled(b.c);
        const GenogramMetrics m = measure_genogram(b.c, opts());
        for (const auto& p : m.problems) MESSAGE(p);
        CHECK(m.symbol_overlaps == 0);
        CHECK(m.lines_through_symbols == 0);
        CHECK(m.off_row == 1);  // Henk and one of his two partners
    }
    SUBCASE("a person recorded as their own grandparent") {
        // An ancestry loop (validate: an error) beside a tie-free family: the loop's rows
        // grow with every round, far below the Bossen.
        PersonId x = b.person("X", Sex::Male, 1960), y = b.person("Y", Sex::Female, 1985), z = b.person("Z", Sex::Male, 2010);
        b.child(x, PersonId(), y);
        b.child(y, PersonId(), z);
        b.child(z, PersonId(), x);
        b.child(x, PersonId(), b.person("W", Sex::Female, 1990));
        check_rows_filled(b.c);
        CHECK(layout_genogram(b.c, opts()).symbols.size() == b.c.persons().size());
    }
}

TEST_CASE("genogram: two sibship lines never run on top of each other") {
    // A couple's sibship line runs from where their line comes down to their outermost
    // child; in a crowded row that end often lies beyond their children, over the next
    // couple's children. At one height the two lines read as one, and whose child is
    // whose cannot be told (these 40 generated families: 59 such stretches in 18 of them).
    // The levels are now chosen by where the lines run. The families of 500 p had more
    // lines over one stretch than the 6 levels there were (seeds 3, 4, 12, 24 and 28: 70
    // stretches), the one of 1,000 p as well (74).
    int stretches = 0, families = 0;
    std::vector<std::pair<int, std::uint32_t>> cases;
    for (int n : {30, 100})
        for (std::uint32_t seed = 1; seed <= 20; ++seed) cases.push_back({n, seed});
    for (std::uint32_t seed : {3u, 4u, 12u, 24u, 28u}) cases.push_back({500, seed});
    cases.push_back({1000, 1});
    for (const auto& [n, seed] : cases) {
        GenerateOptions go;
        go.persons = n;
        go.seed = seed;
        const LayoutResult r = layout_genogram(generate_family(go), opts());
        struct Stretch {
            double y, x0, x1;
            std::size_t line;
        };
        std::vector<Stretch> hs;
        for (std::size_t li = 0; li < r.lines.size(); ++li) {
            const Line& l = r.lines[li];
            if (l.role != Line::Role::Descent) continue;
            for (std::size_t k = 1; k < l.points.size(); ++k) {
                const Point p = l.points[k - 1], q = l.points[k];
                if (std::abs(p.y - q.y) < 0.01 && std::abs(p.x - q.x) > 0.5) hs.push_back({p.y, std::min(p.x, q.x), std::max(p.x, q.x), li});
            }
        }
        int here = 0;
        for (std::size_t i = 0; i < hs.size(); ++i)
            for (std::size_t j = i + 1; j < hs.size(); ++j)
                if (hs[i].line != hs[j].line && std::abs(hs[i].y - hs[j].y) < 0.5 &&
                    std::min(hs[i].x1, hs[j].x1) - std::max(hs[i].x0, hs[j].x0) > 4) {
                    MESSAGE("n=" << n << " seed=" << seed << " y=" << hs[i].y << " [" << hs[i].x0 << ", " << hs[i].x1 << "] [" << hs[j].x0 << ", " << hs[j].x1 << "]");
                    ++here;
                }
        stretches += here;
        families += here ? 1 : 0;
    }
    CHECK(stretches == 0);
    CHECK(families == 0);
}
