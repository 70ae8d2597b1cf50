#include "core/generate.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <random>
#include <string>
#include <vector>

namespace kring {

namespace {

constexpr std::array kMale{"Jan", "Piet", "Kees", "Henk", "Ruud", "Mehmet", "Daan", "Sem", "Luuk", "Bram", "Youssef",
                           "Thijs", "Joris", "Sander", "Wim", "Gert", "Hamza", "Noah", "Milan", "Jesse"};
constexpr std::array kFemale{"Anna", "Maria", "Ria", "Sanne", "Lotte", "Fatima", "Emma", "Julia", "Sophie", "Noor",
                             "Fenna", "Ayla", "Marieke", "Ineke", "Yara", "Zeynep", "Lieke", "Tess", "Mila", "Saar"};
constexpr std::array kFamily{"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
                             "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
                             "de Wit", "Dijkstra", "Smits", "El Amrani", "Özdemir", "Nguyen", "Kaya", "Postma"};

struct Gen {
    Case c;
    std::mt19937 rng;
    const GenerateOptions& opt;
    std::uint32_t next_rel = 0;

    explicit Gen(const GenerateOptions& o) : rng(o.seed), opt(o) {}

    double uniform() { return (rng() >> 8) * (1.0 / 16777216.0); }
    int pick(int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); }

    PersonId person(Sex sex, const std::string& family, int year, int month = 0, int day = 0) {
        Person p;
        p.id = c.new_person_id();
        p.sex = sex;
        p.given = sex == Sex::Male ? kMale[static_cast<std::size_t>(pick(kMale.size()))]
                                   : kFemale[static_cast<std::size_t>(pick(kFemale.size()))];
        p.family = family;
        p.birth = {year, month ? month : 1 + pick(12), day ? day : 1 + pick(28), false};
        p.category = Category::Family;
        if (year < 1940 || (year < 1960 && uniform() < 0.4)) {
            p.deceased = true;
            p.death = {std::min(2025, year + 55 + pick(40)), 0, 0, false};
        }
        PersonId id = p.id;
        c.put(std::move(p));
        return id;
    }
    void relate(RelationKind kind, PersonId a, PersonId b, PartnerStatus st = PartnerStatus::Married, int start = 0,
                int end = 0) {
        Relation r;
        r.id = c.new_relation_id();
        r.kind = kind;
        r.a = a;
        r.b = b;
        r.partner = st;
        if (start) r.start = {start, 0, 0, false};
        if (end) r.end = {end, 0, 0, false};
        c.put(std::move(r));
    }
    std::string family_name() { return kFamily[static_cast<std::size_t>(pick(kFamily.size()))]; }
};

}  // namespace

Case generate_family(const GenerateOptions& opt) {
    Gen g(opt);
    struct Item {
        PersonId p;
        int year;
        int branch;
        bool partnered = false;
    };
    std::deque<Item> queue;
    std::vector<Item> open;  // descendants still without a partner, for joins between branches
    int branches = 0;
    auto founders = [&] {
        int year = opt.first_year + g.pick(15);
        std::string fam = g.family_name();
        PersonId m = g.person(Sex::Male, fam, year);
        PersonId f = g.person(Sex::Female, g.family_name(), year + g.pick(5) - 2);
        g.relate(RelationKind::Partner, m, f, PartnerStatus::Married, year + 22);
        queue.push_back({m, year, branches, true});
        // The founders' children are made when the founder man is taken from the queue.
        queue.back().partnered = false;
        g.c.info.name = "Gegenereerde familie";
        ++branches;
        return std::pair{m, f};
    };
    std::unordered_map<std::uint32_t, PersonId> founder_partner;
    {
        auto [m, f] = founders();
        founder_partner[m.value()] = f;
    }
    auto size = [&] { return static_cast<int>(g.c.persons().size()); };

    auto children = [&](PersonId a, PersonId b, int year, int branch, const std::string& fam) {
        int n = 1 + g.pick(4);  // 1..4
        int by = year + 22 + g.pick(8);
        for (int i = 0; i < n && size() < opt.persons; ++i) {
            if (by > 2024) break;
            Sex sex = g.uniform() < 0.5 ? Sex::Male : Sex::Female;
            int month = 1 + g.pick(12), day = 1 + g.pick(28);
            PersonId ch = g.person(sex, fam, by, month, day);
            g.relate(RelationKind::ParentChild, a, ch);
            if (b) g.relate(RelationKind::ParentChild, b, ch);
            queue.push_back({ch, by, branch});
            if (g.uniform() < opt.twin_rate && size() < opt.persons) {
                PersonId tw = g.person(g.uniform() < 0.5 ? sex : (sex == Sex::Male ? Sex::Female : Sex::Male), fam, by,
                                       month, day);
                g.relate(RelationKind::ParentChild, a, tw);
                if (b) g.relate(RelationKind::ParentChild, b, tw);
                Relation t;
                t.id = g.c.new_relation_id();
                t.kind = RelationKind::Twin;
                t.a = ch;
                t.b = tw;
                t.identical = g.c.person(tw)->sex == sex && g.uniform() < 0.4;
                g.c.put(std::move(t));
                queue.push_back({tw, by, branch});
                ++i;
            }
            by += 1 + g.pick(4);
        }
    };

    while (size() < opt.persons) {
        if (queue.empty()) {
            auto [m, f] = founders();
            founder_partner[m.value()] = f;
            continue;
        }
        Item it = queue.front();
        queue.pop_front();
        const Person& me = *g.c.person(it.p);
        const std::string fam = me.family;
        if (auto fp = founder_partner.find(it.p.value()); fp != founder_partner.end()) {
            children(it.p, fp->second, it.year, it.branch, fam);
            continue;
        }
        if (it.year > 2000 || g.uniform() > opt.partner_rate) {
            open.push_back(it);
            continue;
        }
        const Sex other = me.sex == Sex::Male ? Sex::Female : Sex::Male;
        int partners = g.uniform() < opt.second_partner ? 2 : 1;
        int start = it.year + 20 + g.pick(8);
        for (int k = 0; k < partners && size() < opt.persons; ++k) {
            PersonId q;
            // A partner from another branch of the same generation joins two family trees.
            if (g.uniform() < opt.join_existing) {
                for (std::size_t i = 0; i < open.size(); ++i)
                    if (open[i].branch != it.branch && std::abs(open[i].year - it.year) < 8 &&
                        g.c.person(open[i].p)->sex == other) {
                        q = open[i].p;
                        open.erase(open.begin() + static_cast<long>(i));
                        break;
                    }
            }
            if (!q) {
                int py = it.year + g.pick(7) - 3;
                q = g.person(other, g.family_name(), py);
                if (g.uniform() < opt.in_law_parents && size() + 2 <= opt.persons) {
                    const std::string pf = g.c.person(q)->family;
                    PersonId qf = g.person(Sex::Male, pf, py - 25 - g.pick(6));
                    PersonId qm = g.person(Sex::Female, g.family_name(), py - 24 - g.pick(6));
                    g.relate(RelationKind::Partner, qf, qm, PartnerStatus::Married, py - 2);
                    g.relate(RelationKind::ParentChild, qf, q);
                    g.relate(RelationKind::ParentChild, qm, q);
                    if (g.uniform() < 0.5 && size() < opt.persons) {  // a sibling of the in-law
                        PersonId sib = g.person(g.uniform() < 0.5 ? Sex::Male : Sex::Female, pf, py + 2 + g.pick(4));
                        g.relate(RelationKind::ParentChild, qf, sib);
                        g.relate(RelationKind::ParentChild, qm, sib);
                    }
                }
            }
            bool last = k + 1 == partners;
            PartnerStatus st = !last ? PartnerStatus::Divorced
                               : g.uniform() < 0.3 ? PartnerStatus::Cohabiting
                                                   : PartnerStatus::Married;
            int end = !last ? start + 3 + g.pick(8) : 0;
            g.relate(RelationKind::Partner, it.p, q, st, start, end);
            PersonId father = me.sex == Sex::Male ? it.p : q;
            children(it.p, q, it.year + (start - it.year - 22), it.branch,
                     g.c.person(father)->family);
            start = end + 1 + g.pick(3);
        }
    }
    return std::move(g.c);
}

}  // namespace kring
