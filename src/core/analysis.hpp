// Network analysis of a case (issue 5): who is around the family, which support flows
// where, who holds the network together, where the risks are. Boost.Graph does the
// structural work; the rest is counting over the model. No UI, no rendering.
//
// THE NETWORK GRAPH
// -----------------
// * Nodes: every person of the case that is a living person (EntryKind::Person, not
//   deceased). Pregnancies, miscarriages and deceased persons belong in the genogram,
//   not in today's network; they are left out of every figure.
// * Focus: AnalysisOptions::focus, else the index person, else the first person (by id)
//   of Category::Household, else the first person. Ecomap practice: everybody else in
//   the case is an alter, whether or not they have a relation with the focus.
// * Ties: an undirected, unweighted, simple edge between two nodes that share at least
//   one relation of any kind (partner, parent-child, twin, emotional, support, contact).
//   Relations that only record that there is NO contact make no tie: an emotional
//   cut-off, and a contact with `no_contact` or frequency Never. Several relations
//   between the same two persons make one tie. All structural measures (betweenness,
//   articulation points, bridges, density, Burt) are computed on this graph, with the
//   focus included, exactly as networkx computes them on the same graph.
// * The focus unit ("het gezin"): the focus, everybody sharing the focus's household
//   (Person::household) and, when the focus has Category::Household, every person of
//   Category::Household. Support and reciprocity are counted across this unit's border.
// * Support: direction is used (Gives: a -> b, Receives: b -> a, Both: both ways).
//   support_count[type] counts support flows INTO the focus unit from outside it (any
//   source); reciprocity compares informal flows out of the unit with informal flows in.
// * Children: persons whose age at the case date (CaseInfo::date, else today) is known
//   and under 18.
//
// Findings are short sentences in plain Dutch (default) or English with a stable key
// (e.g. "no-financial-support"). Their texts live in a table of their own inside
// analysis_text.cpp (both languages side by side), not in i18n.cpp.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace kring {

// ---------------------------------------------------------------------------------------
// Sectors of the network map. Same order as layouts' Sector (core cannot depend on
// layouts, so the analysis has its own): Household -> household, Family + Relative ->
// family, Friend -> friends, Neighbour -> neighbours, SchoolWork -> school/work,
// Leisure -> leisure/club/church, Professional -> professionals.
enum class NetworkSector { Household, Family, Friends, Neighbours, SchoolWork, Leisure, Professionals };
inline constexpr int kNetworkSectorCount = 7;
inline constexpr int kSupportTypeCount = 5;  // SupportType::Practical .. Childcare
[[nodiscard]] NetworkSector network_sector_of(Category c);

struct AnalysisOptions {
    PersonId focus;  // invalid = index person, else first Household-category person, else first person
    // Exact (Brandes) betweenness up to this many persons; above it, betweenness is
    // estimated from `betweenness_samples` source persons (fixed seed, so the result is
    // reproducible) and Analysis::betweenness_sources says how many were used.
    int exact_betweenness_limit = 5000;
    int betweenness_samples = 500;
    std::uint64_t seed = 20240501;
};

struct Finding {
    enum class Level { Info, Attention, Risk };
    std::string key;   // stable: "no-financial-support", "risk-contact", ...
    Level level = Level::Info;
    std::string text;  // the sentence, in the language given to analyze()
    // What the sentence is made of, so it can be rendered again in another language
    // (finding_text) and so the app can highlight the persons involved.
    PersonId subject;               // the person it is about, if one
    std::vector<PersonId> persons;  // the other persons named
    std::vector<int> numbers;       // counts used in the text
    std::string detail;             // free text from the case (e.g. a risk note)
};

struct PersonFigures {
    PersonId person;
    NetworkSector sector = NetworkSector::Family;
    int degree = 0;        // ties in the network graph
    int gives = 0;         // support flows this person gives (a Both relation counts as one given, one received)
    int receives = 0;      // support flows this person receives
    int multiplexity = 0;  // distinct support types exchanged (given or received) with anyone
    double betweenness = 0;  // Brandes, normalised as networkx: pairs / ((n-1)(n-2)/2)
    bool articulation = false;  // removing this person splits the network
    int dependents = 0;  // persons connected to the focus only through this person (0 for the focus)
    double effective_size = 0;  // Burt (networkx definition); NaN when degree is 0
    double constraint = 0;      // Burt (networkx definition); NaN when degree is 0
    bool isolated = false;      // no tie at all
    bool child = false;         // known age under 18
    bool in_focus_unit = false;
    bool risk = false;  // flagged as risky contact, or perpetrator (a) of a recorded abuse/neglect
    std::vector<PersonId> risk_reaches;  // risk persons only: children and focus-unit members they have a tie with
};

struct Analysis {
    Lang lang = Lang::Nl;  // language of the findings' texts
    PersonId focus;        // invalid only for a case without (living) persons
    std::vector<PersonId> focus_unit;  // see header comment; includes the focus
    int size = 0;          // alters: persons in the network except the focus
    int ties = 0;          // edges of the network graph
    std::array<int, kNetworkSectorCount> per_sector{};  // alters per NetworkSector
    int informal = 0;      // alters that are not professionals
    int professionals = 0; // alters that are professionals
    double informal_share = 0;  // informal / size (0 when size is 0)

    // Support flowing into the focus unit, per SupportType (index = enum value).
    std::array<int, kSupportTypeCount> support_count{};
    std::array<int, kSupportTypeCount> support_informal{};  // of which from non-professionals
    std::vector<SupportType> missing_support;  // types nobody gives the unit (Childcare only when the unit has children)
    int support_relations = 0;  // support relations in the network
    int unit_receives = 0;      // informal support flows into the unit
    int unit_gives = 0;         // support flows from the unit to informal alters

    double density = 0;  // ties among alters / possible ties among alters (focus excluded)
    double focus_effective_size = 0, focus_constraint = 0;  // Burt, of the focus (NaN when the focus has no tie)
    int betweenness_sources = 0;  // 0 = exact betweenness; else the number of sampled sources

    std::vector<PersonFigures> persons;  // every network person, by id
    std::vector<PersonId> isolated;      // persons without any tie
    std::vector<PersonId> unreachable;   // alters with ties, but no path to the focus
    std::vector<PersonId> children_without_network;  // children in the unit without a tie to an informal person outside it
    std::vector<std::pair<PersonId, PersonId>> bridges;  // ties whose removal splits the network (first < second)
    std::vector<PersonId> articulation_points;
    std::vector<PersonId> risk_persons;

    // Around the family: how far the alters know each other, and where they clash.
    int alter_ties = 0;         // ties among alters (focus excluded)
    long long alter_pairs = 0;  // possible ties among alters: size*(size-1)/2
    // Emotional conflict or hostility between two persons (any two, focus included), in
    // relation order; (first, second) as recorded.
    std::vector<std::pair<PersonId, PersonId>> conflicts;
    // "Important but no contact": persons who matter to someone in the focus unit (a child
    // often names a parent it does not see) but with whom there is no contact. Recorded as
    // a Contact relation with no_contact (or frequency Never); they stay on the map.
    std::vector<PersonId> important_no_contact;
    // Persons recorded as critical of someone in the focus unit (Contact::critical).
    std::vector<PersonId> critical;

    bool has_coordinator = false;
    std::vector<PersonId> coordinators;
    // Pairs of professionals with no tie between them (first < second). Listed up to
    // kMaxListedPairs; unconnected_professional_pairs is the full count.
    static constexpr std::size_t kMaxListedPairs = 200;
    std::vector<std::pair<PersonId, PersonId>> unconnected_professionals;
    long long unconnected_professional_pairs = 0;
    int abroad = 0;  // alters living abroad

    std::vector<Finding> findings;  // Risk first, then Attention, then Info

    [[nodiscard]] const PersonFigures* figures(PersonId p) const;
    [[nodiscard]] int count(Finding::Level level) const;
};

// The focus analyze() would pick for this case (invalid when the case has no living person).
[[nodiscard]] PersonId analysis_focus(const Case& c);

// Throws std::invalid_argument when options.focus is set but is not a living person of the case.
[[nodiscard]] Analysis analyze(const Case& c, const AnalysisOptions& options = {}, Lang lang = Lang::Nl);

// The figures as JSON (stable key order; NaN as null; persons as "p12" ids with names).
[[nodiscard]] std::string analysis_json(const Analysis& a, const Case& c);
// A plain-language report: key figures, findings and a compact table per person.
[[nodiscard]] std::string analysis_text(const Analysis& a, const Case& c, Lang lang);
// One finding's sentence in a language (names from the case).
[[nodiscard]] std::string finding_text(const Finding& f, const Case& c, Lang lang);
[[nodiscard]] std::string_view level_name(Finding::Level level);  // "info", "attention", "risk"

// ---------------------------------------------------------------------------------------
// Structural measures on a plain undirected simple graph (vertices 0..n-1). analyze()
// uses these on the network graph; tests and the benchmark use them directly.
struct NetworkGraph {
    int n = 0;
    std::vector<std::pair<int, int>> edges;  // each tie once, first < second, sorted
    std::vector<PersonId> persons;           // vertex -> person (empty for synthetic graphs)
};

// Whether a person is a node of the network graph (a living person, not a pregnancy etc.).
[[nodiscard]] bool in_network(const Person& p);
// Whether a relation makes a tie (everything except cut-offs and recorded "no contact").
[[nodiscard]] bool makes_tie(const Relation& r);
// The network graph of a case as defined above (vertices in person-id order).
[[nodiscard]] NetworkGraph network_graph(const Case& c);

// Exact betweenness (boost::brandes_betweenness_centrality), normalised as networkx does
// for undirected graphs: shortest-path pairs through v / ((n-1)(n-2)/2).
[[nodiscard]] std::vector<double> betweenness(const NetworkGraph& g);
// Betweenness from the given source vertices only (targets: all), scaled by n/k as in
// networkx's betweenness_centrality(k=...) and normalised as above. With every vertex as a
// source this equals betweenness().
[[nodiscard]] std::vector<double> betweenness_from(const NetworkGraph& g, std::span<const int> sources);
// k distinct vertices chosen with a fixed seed (all vertices when k >= n), sorted.
[[nodiscard]] std::vector<int> sample_sources(int n, int k, std::uint64_t seed);

struct Biconnected {
    std::vector<int> articulation_points;        // sorted
    std::vector<std::pair<int, int>> bridges;    // first < second, sorted
};
// boost::biconnected_components: articulation points, and bridges = components of one edge.
[[nodiscard]] Biconnected biconnected(const NetworkGraph& g);

// For every vertex v: how many vertices lose their path to `root` when v is removed
// (0 for the root and for vertices that are no articulation point on root's component).
[[nodiscard]] std::vector<int> dependents(const NetworkGraph& g, int root);

// Burt's effective size and constraint, networkx definitions for undirected unweighted
// graphs: effective_size(v) = d - 2t/d (t = ties among v's d neighbours);
// constraint(v) = sum over neighbours j of (1/d_v + sum over common neighbours q of
// 1/(d_v d_q))^2. NaN for vertices without neighbours, as networkx.
[[nodiscard]] std::vector<double> effective_size(const NetworkGraph& g);
[[nodiscard]] std::vector<double> constraint(const NetworkGraph& g);

// Ties among the vertices other than `excluded` / possible ties among them (0 for fewer
// than two). Pass excluded = -1 for the density of the whole graph.
[[nodiscard]] double density(const NetworkGraph& g, int excluded);

}  // namespace kring
