#include "Golden.h"

#include "TestPaths.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdlib>

namespace diy::test {

QString Golden::suiteDir(const QString &suite)
{
    return sourcePath(QStringLiteral("tests/data/golden/") + suite);
}

QStringList Golden::cases(const QString &suite)
{
    return QDir(suiteDir(suite)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString Golden::casePath(const QString &suite, const QString &name, const QString &file)
{
    return suiteDir(suite) + QLatin1Char('/') + name + QLatin1Char('/') + file;
}

bool Golden::updating()
{
    return qEnvironmentVariable(kUpdateVariable) == QStringLiteral("1");
}

std::optional<nlohmann::json> Golden::readJson(const QString &path, QString *error)
{
    const auto bytes = AtomicFile::read(path);
    if (!bytes) {
        *error = bytes.error().toString();
        return std::nullopt;
    }
    nlohmann::json j = nlohmann::json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false);
    if (j.is_discarded()) {
        *error = QStringLiteral("%1 is not valid JSON").arg(path);
        return std::nullopt;
    }
    return j;
}

QString Golden::compareText(const QString &expectedPath, const QString &actual)
{
    if (updating()) {
        const Status written = AtomicFile::write(expectedPath, actual.toUtf8());
        return written ? QString() : written.error().toString();
    }
    const auto expected = AtomicFile::read(expectedPath);
    if (!expected)
        return QStringLiteral("%1 (run with %2=1 to create it)").arg(expected.error().message, QString::fromLatin1(kUpdateVariable));
    if (*expected == actual.toUtf8())
        return {};
    const QStringList want = QString::fromUtf8(*expected).split(QLatin1Char('\n'));
    const QStringList got = actual.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i) {
        if (want.value(i) != got.value(i) || i >= want.size() || i >= got.size())
            return QStringLiteral("%1 differs at line %2:\n  expected: %3\n  actual:   %4")
                .arg(expectedPath)
                .arg(i + 1)
                .arg(i < want.size() ? want.at(i) : QStringLiteral("<end of file>"),
                     i < got.size() ? got.at(i) : QStringLiteral("<end of file>"));
    }
    return QStringLiteral("%1 differs (line endings or encoding)").arg(expectedPath);
}

double Golden::differingShare(const QImage &a, const QImage &b, int channelDelta)
{
    if (a.size() != b.size() || a.isNull())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            const int d = std::max({std::abs(qRed(p[col]) - qRed(q[col])), std::abs(qGreen(p[col]) - qGreen(q[col])),
                                    std::abs(qBlue(p[col]) - qBlue(q[col])), std::abs(qAlpha(p[col]) - qAlpha(q[col]))});
            differing += d > channelDelta;
        }
    }
    return double(differing) / (double(x.width()) * x.height());
}

QString Golden::compareImage(const QString &expectedPath, const QImage &actual)
{
    return compareImage(expectedPath, actual, ImageTolerance());
}

QString Golden::compareImage(const QString &expectedPath, const QImage &actual, ImageTolerance tolerance)
{
    if (actual.isNull())
        return QStringLiteral("the actual image is empty");
    if (updating())
        return actual.save(expectedPath, "PNG") ? QString() : QStringLiteral("cannot write %1").arg(expectedPath);
    const QImage expected(expectedPath);
    if (expected.isNull())
        return QStringLiteral("%1 is missing or unreadable (run with %2=1 to create it)")
            .arg(expectedPath, QString::fromLatin1(kUpdateVariable));
    const double share = differingShare(expected, actual, tolerance.channelDelta);
    if (share <= tolerance.maxDifferingShare)
        return {};
    const QString actualPath =
        QDir::temp().filePath(QFileInfo(QFileInfo(expectedPath).path()).fileName() + QStringLiteral(".actual.png"));
    actual.save(actualPath, "PNG");
    return QStringLiteral("%1: %2% of the pixels differ (allowed %3%); expected %4x%5, actual %6x%7; actual written to %8")
        .arg(expectedPath)
        .arg(share * 100, 0, 'f', 2)
        .arg(tolerance.maxDifferingShare * 100, 0, 'f', 2)
        .arg(expected.width())
        .arg(expected.height())
        .arg(actual.width())
        .arg(actual.height())
        .arg(actualPath);
}

} // namespace diy::test
