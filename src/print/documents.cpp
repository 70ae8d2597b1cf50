#include "print/documents.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

namespace kring {

namespace {

// --- a minimal PDF reader for cairo's output -------------------------------------------

struct PdfDoc {
    std::map<int, std::string> objects;  // number -> body between "N G obj" and "endobj"
    int root = 0, info = 0;
};

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

std::optional<long> read_int(const std::string& s, std::size_t& i) {
    while (i < s.size() && is_ws(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start || i - start > 12) return std::nullopt;
    return std::stol(s.substr(start, i - start));
}

// The object number referenced as "/Key N 0 R" in a dictionary text, or 0.
int ref_after(const std::string& text, const std::string& key) {
    std::size_t p = text.find(key);
    if (p == std::string::npos) return 0;
    std::size_t i = p + key.size();
    auto n = read_int(text, i);
    auto g = read_int(text, i);
    while (i < text.size() && is_ws(text[i])) ++i;
    if (!n || !g || i >= text.size() || text[i] != 'R') return 0;
    return static_cast<int>(*n);
}

bool read_pdf(const std::string& pdf, PdfDoc& doc, std::string& error) {
    if (pdf.compare(0, 5, "%PDF-") != 0) {
        error = "not a PDF file";
        return false;
    }
    std::size_t sx = pdf.rfind("startxref");
    if (sx == std::string::npos) {
        error = "no startxref";
        return false;
    }
    std::size_t i = sx + 9;
    auto xref_at = read_int(pdf, i);
    if (!xref_at || static_cast<std::size_t>(*xref_at) >= pdf.size() || pdf.compare(*xref_at, 4, "xref") != 0) {
        error = "no classic cross-reference table (unsupported PDF writer)";
        return false;
    }
    i = static_cast<std::size_t>(*xref_at) + 4;
    std::vector<std::pair<long, int>> offsets;  // offset, object number
    while (true) {
        std::size_t save = i;
        auto first = read_int(pdf, i);
        if (!first) {
            i = save;
            break;
        }
        auto count = read_int(pdf, i);
        if (!count) {
            error = "damaged cross-reference table";
            return false;
        }
        for (long k = 0; k < *count; ++k) {
            auto off = read_int(pdf, i);
            auto gen = read_int(pdf, i);
            while (i < pdf.size() && is_ws(pdf[i])) ++i;
            if (!off || !gen || i >= pdf.size()) {
                error = "damaged cross-reference table";
                return false;
            }
            if (pdf[i] == 'n') offsets.push_back({*off, static_cast<int>(*first + k)});
            ++i;
        }
    }
    std::size_t tr = pdf.find("trailer", i);
    if (tr == std::string::npos) {
        error = "no trailer";
        return false;
    }
    const std::string trailer = pdf.substr(tr, sx - tr);
    doc.root = ref_after(trailer, "/Root");
    doc.info = ref_after(trailer, "/Info");
    std::sort(offsets.begin(), offsets.end());
    for (std::size_t k = 0; k < offsets.size(); ++k) {
        const std::size_t off = static_cast<std::size_t>(offsets[k].first);
        const std::size_t end = k + 1 < offsets.size() ? static_cast<std::size_t>(offsets[k + 1].first)
                                                       : static_cast<std::size_t>(*xref_at);
        if (off >= end || end > pdf.size()) {
            error = "damaged object offsets";
            return false;
        }
        const std::string chunk = pdf.substr(off, end - off);
        const std::size_t head = chunk.find("obj");
        const std::size_t tail = chunk.rfind("endobj");
        if (head == std::string::npos || tail == std::string::npos || tail < head) {
            error = "damaged object " + std::to_string(offsets[k].second);
            return false;
        }
        doc.objects[offsets[k].second] = chunk.substr(head + 3, tail - head - 3);
    }
    if (!doc.root || !doc.objects.count(doc.root)) {
        error = "no document catalog";
        return false;
    }
    return true;
}

// Rewrites "N G R" references in the text before any "stream" keyword.
std::string renumber(const std::string& body, const std::map<int, int>& map) {
    std::size_t stream = std::string::npos;
    for (std::size_t p = body.find("stream"); p != std::string::npos; p = body.find("stream", p + 6)) {
        // the keyword, not "endstream" or part of a name
        if ((p == 0 || is_ws(body[p - 1]) || body[p - 1] == '>') && p + 6 < body.size() &&
            (body[p + 6] == '\n' || body[p + 6] == '\r')) {
            stream = p;
            break;
        }
    }
    const std::string dict = body.substr(0, stream);
    std::string out;
    std::size_t i = 0;
    while (i < dict.size()) {
        if (std::isdigit(static_cast<unsigned char>(dict[i])) && (i == 0 || !std::isalnum(static_cast<unsigned char>(dict[i - 1])) ) &&
            (i == 0 || (dict[i - 1] != '.' && dict[i - 1] != '/' && dict[i - 1] != '-'))) {
            std::size_t j = i;
            auto n = read_int(dict, j);
            std::size_t k = j;
            auto g = read_int(dict, k);
            std::size_t r = k;
            while (r < dict.size() && is_ws(dict[r])) ++r;
            if (n && g && k > j && r < dict.size() && dict[r] == 'R' &&
                (r + 1 >= dict.size() || !std::isalnum(static_cast<unsigned char>(dict[r + 1])))) {
                auto it = map.find(static_cast<int>(*n));
                out += std::to_string(it != map.end() ? it->second : 0) + " 0 R";
                i = r + 1;
                continue;
            }
            out.append(dict, i, j - i);
            i = j;
            continue;
        }
        out += dict[i++];
    }
    if (stream != std::string::npos) out.append(body, stream, std::string::npos);
    return out;
}

std::vector<int> kids_of(const std::string& pages_body) {
    std::vector<int> kids;
    std::size_t p = pages_body.find("/Kids");
    if (p == std::string::npos) return kids;
    std::size_t open = pages_body.find('[', p), close = pages_body.find(']', p);
    if (open == std::string::npos || close == std::string::npos) return kids;
    std::size_t i = open + 1;
    while (i < close) {
        auto n = read_int(pages_body, i);
        auto g = read_int(pages_body, i);
        while (i < close && is_ws(pages_body[i])) ++i;
        if (!n || !g || i >= close || pages_body[i] != 'R') break;
        ++i;
        kids.push_back(static_cast<int>(*n));
    }
    return kids;
}

}  // namespace

std::string concatenate_pdfs(const std::vector<std::string>& pdfs, std::string& error) {
    if (pdfs.size() == 1) return pdfs.front();
    int next = 1;
    const int pages_id = next++, catalog_id = next++;
    std::vector<std::pair<int, std::string>> objects;  // new number, body
    std::vector<int> page_ids;
    int info_id = 0;
    for (std::size_t d = 0; d < pdfs.size(); ++d) {
        PdfDoc doc;
        if (!read_pdf(pdfs[d], doc, error)) {
            error = "page " + std::to_string(d + 1) + ": " + error;
            return "";
        }
        const int old_pages = ref_after(doc.objects[doc.root], "/Pages");
        if (!old_pages || !doc.objects.count(old_pages)) {
            error = "page " + std::to_string(d + 1) + ": no page tree";
            return "";
        }
        std::map<int, int> map;
        for (const auto& [num, body] : doc.objects)
            if (num != doc.root && num != old_pages && (d == 0 || num != doc.info)) map[num] = next++;
        map[old_pages] = pages_id;
        for (int kid : kids_of(doc.objects[old_pages]))
            if (map.count(kid)) page_ids.push_back(map[kid]);
        for (const auto& [num, body] : doc.objects) {
            if (num == doc.root || num == old_pages || (d > 0 && num == doc.info)) continue;
            objects.push_back({map[num], renumber(body, map)});
        }
        if (d == 0 && doc.info && map.count(doc.info)) info_id = map[doc.info];
    }
    std::string kids;
    for (int k : page_ids) kids += std::to_string(k) + " 0 R ";
    objects.push_back({pages_id, "\n<< /Type /Pages /Kids [ " + kids + "] /Count " + std::to_string(page_ids.size()) + " >>\n"});
    objects.push_back({catalog_id, "\n<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>\n"});
    std::sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    std::string out = "%PDF-1.5\n%\xB5\xED\xAE\xFB\n";
    std::vector<std::size_t> offsets(static_cast<std::size_t>(next), 0);
    for (const auto& [num, body] : objects) {
        offsets[static_cast<std::size_t>(num)] = out.size();
        out += std::to_string(num) + " 0 obj" + body + "endobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(next) + "\n0000000000 65535 f \n";
    char buf[32];
    for (int k = 1; k < next; ++k) {
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", offsets[static_cast<std::size_t>(k)]);
        out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(next) + " /Root " + std::to_string(catalog_id) + " 0 R";
    if (info_id) out += " /Info " + std::to_string(info_id) + " 0 R";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string page_file_name(const std::string& path, std::size_t page) {
    if (page <= 1) return path;
    std::filesystem::path p(path);
    const std::string ext = p.extension().string();
    p.replace_filename(p.stem().string() + "-" + std::to_string(page) + ext);
    return p.string();
}

DocumentResult render_pages(const std::vector<DocumentPage>& pages, const PrintOptions& opt) {
    DocumentResult res;
    std::vector<std::string> rendered;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        PrintOptions o = opt;
        o.orientation = pages[i].orientation;
        o.view_title = pages[i].view_title;
        if (pages.size() > 1)
            o.view_title += " \u2013 " + std::string(tr("page", opt.lang)) + " " + std::to_string(i + 1) + "/" +
                            std::to_string(pages.size());
        PrintResult r = render_document(pages[i].drawing, pages[i].legend, o);
        if (!r.ok()) {
            res.error = r.error;
            return res;
        }
        for (auto& w : r.warnings) res.warnings.push_back(std::move(w));
        rendered.push_back(std::move(r.bytes));
    }
    if (opt.format == OutputFormat::Pdf && rendered.size() > 1) {
        std::string error;
        std::string joined = concatenate_pdfs(rendered, error);
        if (joined.empty()) {
            res.error = "cannot join the PDF pages: " + error;
            return res;
        }
        res.files.push_back(std::move(joined));
    } else {
        res.files = std::move(rendered);
    }
    return res;
}

}  // namespace kring
