#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace diy::fuzz {

/// The body of each libFuzzer target, shared with tst_fuzz_regressions (which replays the seed
/// corpora and every crashing input kept in tests/data/fuzz/<target>/regressions/ in the normal
/// suite). Each returns normally for every input; a crash or sanitizer report is a bug.
void projectLoader(const QByteArray &bytes);     ///< ProjectStore::parse + serialize round trip
void outboxItem(const QByteArray &bytes);        ///< FeedbackItem::read + toJson round trip
void scriptValidator(const QByteArray &bytes);   ///< JsonParser + ScriptValidator + Script::fromJson
void inferenceResponse(const QByteArray &bytes); ///< InferenceResponse::parse (the gateway's answer)

/// Target names, as used for folders under tests/data/fuzz/.
QStringList targetNames();
/// Runs the named target on bytes; false if the name is unknown.
bool run(const QString &target, const QByteArray &bytes);

} // namespace diy::fuzz
