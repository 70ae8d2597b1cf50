// Drawing vocabulary shared by the genogram, the network map and the legend: how a person
// becomes a Symbol and how a relation becomes polylines. One place, so the legend shows
// exactly what the views draw.
#pragma once

#include "core/model.hpp"
#include "layouts/layout_result.hpp"

namespace kring {

// Colours chosen to stay distinguishable in black-and-white print (line shape carries
// the meaning; colour only supports it).
inline constexpr Color kInk = 0x1F2328FF;
inline constexpr Color kGrey = 0x8C959FFF;
inline constexpr Color kLightGrey = 0xD0D7DEFF;
inline constexpr Color kRisk = 0xC62828FF;
inline constexpr Color kCloseGreen = 0x2E7D32FF;
inline constexpr Color kConflictRed = 0xB3261EFF;
inline constexpr Color kDistantBlue = 0x1565C0FF;
inline constexpr Color kHousehold = 0x5B7DB1FF;
inline constexpr Color kSupport = 0x00796BFF;

// Symbol for a person at `center` with base size `size` (the square's side).
[[nodiscard]] Symbol make_symbol(const Person& p, Point center, double size);

// Emotional relation from a to b (endpoints already trimmed to the symbol outlines).
void emit_emotional(LayoutResult& out, Point a, Point b, EmotionKind kind, RelationId rel = {});

// Ecomap tie strength between the focus and someone in the network.
enum class TieStyle { Strong, Normal, Tenuous, Stressful, NoContact };
void emit_tie(LayoutResult& out, Point a, Point b, TieStyle style, bool arrow_to_a, bool arrow_to_b, bool risk,
              RelationId rel = {});

// Short strokes across a partner line at `mid`: 1 = separated, 2 = divorced.
void emit_slashes(LayoutResult& out, Point mid, int count, double size);

// Shortens the segment a-b by `ra` at a and `rb` at b (to start at symbol outlines).
void trim(Point& a, Point& b, double ra, double rb);

// Polyline helpers.
[[nodiscard]] std::vector<Point> zigzag(Point a, Point b, double amplitude, double wavelength);
[[nodiscard]] std::vector<Point> offset_line(Point a, Point b, double d);
[[nodiscard]] std::vector<Point> circle_points(Point c, double r, int segments = 96);
[[nodiscard]] std::vector<Point> rounded_rect(const Rect& r, double radius);

}  // namespace kring
