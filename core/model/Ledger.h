#pragma once

#include "model/FieldProblem.h"
#include "model/LedgerEntry.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <map>

namespace diy {

/// The project's record of every paid call, kept in `<project>/ledger.json` (written atomically;
/// a file of its own so a ledger write never rewrites project.json while the creator edits).
///
///   Ledger::append(folder, LedgerEntry::fromInference(draft.origin, QStringLiteral("Script")));
class Ledger {
public:
    static constexpr int kSchemaVersion = 1;

    struct Totals {
        int calls = 0;
        double costUsd = 0.0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        int pictures = 0;
        double seconds = 0.0;
        std::map<QString, double> costByStage;
    };

    QList<LedgerEntry> entries;

    Totals totals() const;

    nlohmann::json toJson() const;
    /// Reads every entry it can; problems carry JSON paths. A newer schemaVersion is refused.
    static Ledger fromJson(const nlohmann::json &json, FieldProblems *problems);

    static QString file(const QString &projectFolder); ///< <folder>/ledger.json
    /// The project's ledger; an empty one when the file does not exist yet.
    static Result<Ledger> load(const QString &projectFolder);
    Status save(const QString &projectFolder) const;
    /// Loads, appends and saves atomically. A broken ledger file is not overwritten.
    static Status append(const QString &projectFolder, const LedgerEntry &entry);

    bool operator==(const Ledger &) const = default;
};

} // namespace diy
