#include "model/Ledger.h"

#include "model/JsonReader.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QFileInfo>

namespace diy {

using nlohmann::json;

Ledger::Totals Ledger::totals() const
{
    Totals t;
    for (const LedgerEntry &e : entries) {
        ++t.calls;
        t.costUsd += e.costUsd;
        t.inputTokens += e.inputTokens;
        t.outputTokens += e.outputTokens;
        t.pictures += e.pictures;
        t.seconds += e.seconds;
        t.costByStage[e.stage] += e.costUsd;
    }
    return t;
}

json Ledger::toJson() const
{
    json list = json::array();
    for (const LedgerEntry &e : entries)
        list.push_back(e.toJson());
    const Totals t = totals();
    // The totals are written for people and other tools reading the file; they are recomputed on load.
    return json{{"schemaVersion", kSchemaVersion},
                {"entries", list},
                {"totals",
                 {{"calls", t.calls},
                  {"costUsd", t.costUsd},
                  {"inputTokens", t.inputTokens},
                  {"outputTokens", t.outputTokens},
                  {"pictures", t.pictures},
                  {"seconds", t.seconds}}}};
}

Ledger Ledger::fromJson(const json &j, FieldProblems *problems)
{
    JsonReader r(problems);
    Ledger ledger;
    if (!j.is_object()) {
        r.problem(QStringLiteral("/"), QStringLiteral("A ledger file must hold a JSON object."));
        return ledger;
    }
    const int version = r.integer(j, {}, "schemaVersion", 0, 1, 1000000);
    if (version > kSchemaVersion) {
        r.problem(QStringLiteral("/schemaVersion"),
                  QStringLiteral("This ledger was written by a newer DIY Video Studio (format %1; this version reads up "
                                 "to %2). Update the studio; the file was left untouched.")
                      .arg(version)
                      .arg(kSchemaVersion));
        return ledger;
    }
    if (const json *list = r.array(j, {}, "entries")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            ledger.entries.append(LedgerEntry::fromJson(list->at(i), JsonReader::child(QStringLiteral("/entries"), i), problems));
    }
    return ledger;
}

QString Ledger::file(const QString &projectFolder)
{
    return QDir(projectFolder).filePath(QStringLiteral("ledger.json"));
}

Result<Ledger> Ledger::load(const QString &projectFolder)
{
    const QString path = file(projectFolder);
    if (!QFileInfo::exists(path))
        return Ledger{};
    const auto bytes = AtomicFile::read(path, 64 * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    const json j = json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false);
    if (j.is_discarded())
        return Error::invalidInput(QStringLiteral("The cost ledger %1 is not valid JSON; it was left untouched.").arg(path));
    FieldProblems problems;
    Ledger ledger = fromJson(j, &problems);
    if (!problems.isEmpty())
        return Error::invalidInput(
            QStringLiteral("The cost ledger %1 has %2 problem(s), the first: %3 %4. It was left untouched.")
                .arg(path)
                .arg(problems.size())
                .arg(problems.first().path, problems.first().message),
            problemLines(problems).join(QLatin1Char('\n')));
    return ledger;
}

Status Ledger::save(const QString &projectFolder) const
{
    return AtomicFile::write(file(projectFolder), QByteArray::fromStdString(toJson().dump(2)) + '\n');
}

Status Ledger::append(const QString &projectFolder, const LedgerEntry &entry)
{
    auto ledger = load(projectFolder);
    if (!ledger)
        return ledger.error();
    ledger->entries.append(entry);
    return ledger->save(projectFolder);
}

} // namespace diy
