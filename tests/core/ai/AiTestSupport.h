#pragma once

#include "TzTestSupport.h"

#include "model/Brief.h"
#include "model/Script.h"
#include "util/Job.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace diy::test {

/// Starts a job and waits for its one finished(); returns how many finished() were emitted.
inline int runToEnd(Job *job, int timeoutMs = 30000)
{
    int emissions = 0;
    QObject context;
    QObject::connect(job, &Job::finished, &context, [&emissions](const Status &) { ++emissions; });
    if (!job->isStarted())
        job->start();
    (void)QTest::qWaitFor([&] { return emissions > 0; }, timeoutMs);
    QTest::qWait(20); // a second finished() would arrive here
    return emissions;
}

inline nlohmann::json readFixture(const QString &function)
{
    QFile f(sourcePath(QStringLiteral("tests/data/tensorzero/%1/output.json").arg(function)));
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return nlohmann::json::parse(f.readAll().toStdString());
}

inline Script fixtureScript()
{
    return Script::fromJson(readFixture(QStringLiteral("script_generator"))).value();
}

inline Brief testBrief()
{
    Brief b;
    b.description = QStringLiteral("paper airplanes that fly far");
    b.contentMode = Brief::ContentMode::Kid;
    b.targetDurationSeconds = 120;
    b.expectedSteps = 3;
    b.language = QStringLiteral("English");
    return b;
}

/// A copy of config/tensorzero.toml without the providers' cost tables (templates linked beside
/// it), for a gateway that answers `usage.cost: null`.
inline QString configWithoutCosts(const QTemporaryDir &dir)
{
    QFile in(sourcePath(QStringLiteral("config/tensorzero.toml")));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(in.readAll());
    text.remove(QRegularExpression(QStringLiteral("^cost = \\[.*?^\\]\\n"),
                                   QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption));
    QDir(dir.path()).mkpath(QStringLiteral("config"));
    QFile::link(sourcePath(QStringLiteral("templates")), dir.filePath(QStringLiteral("templates")));
    QFile out(dir.filePath(QStringLiteral("config/tensorzero.toml")));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(text.toUtf8());
    return out.fileName();
}

} // namespace diy::test
