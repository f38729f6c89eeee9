#pragma once

#include <nlohmann/json.hpp>

#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>

namespace diy::test {

/// Golden-folder tests (Tiled's style): tests/data/golden/<suite>/<case>/ holds a case's input
/// and its expected output side by side. Run with DIY_UPDATE_GOLDEN=1 to rewrite the expected
/// files from what the code produces now (then review the diff before committing).
class Golden {
public:
    static constexpr const char *kUpdateVariable = "DIY_UPDATE_GOLDEN";

    /// Per-pixel tolerance for renders: a pixel differs when any channel differs by more than
    /// `channelDelta`; the comparison fails when more than `maxDifferingShare` of the pixels differ
    /// (font hinting and anti-aliasing move edges by a shade, a layout change moves whole areas).
    struct ImageTolerance {
        int channelDelta = 40;
        double maxDifferingShare = 0.005;
    };

    static QString suiteDir(const QString &suite);
    /// The case folders of a suite, sorted by name.
    static QStringList cases(const QString &suite);
    static QString casePath(const QString &suite, const QString &name, const QString &file);
    static bool updating();

    /// The case's JSON input, or nullopt (and a test failure message in `error`).
    static std::optional<nlohmann::json> readJson(const QString &path, QString *error);

    /// Empty when `actual` equals the expected file; otherwise a message naming the first line
    /// that differs. When updating, writes `actual` and returns empty.
    static QString compareText(const QString &expectedPath, const QString &actual);
    /// Empty when `actual` matches the expected PNG within `tolerance`; otherwise a message with
    /// the share of differing pixels (and the actual image written to the temp folder as <case>.actual.png).
    /// When updating, writes `actual` and returns empty.
    static QString compareImage(const QString &expectedPath, const QImage &actual, ImageTolerance tolerance);
    static QString compareImage(const QString &expectedPath, const QImage &actual);
    /// The share of pixels whose channels differ by more than `channelDelta` (1.0 for different sizes).
    static double differingShare(const QImage &a, const QImage &b, int channelDelta);
};

} // namespace diy::test
