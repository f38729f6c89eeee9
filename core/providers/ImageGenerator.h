#pragma once

#include "providers/GeneratedImageSpec.h"
#include "providers/ProviderInfo.h"
#include "util/Job.h"

#include <QObject>

namespace diy {

/// A picture provider that draws a new picture from a prompt (Gemini, OpenAI-compatible servers).
/// The job it returns makes exactly one picture, stores it under its content hash in
/// spec.outputDir and finishes with a GeneratedImage. Quota and overload answers are waited out
/// and retried inside the job; a safety refusal finishes with Error::Kind::Blocked whose message
/// names the reason and the ways out (edit the prompt, use a card, use my photo).
class ImageGenerator {
public:
    virtual ~ImageGenerator() = default;
    virtual ProviderInfo info() const = 0;
    /// Part of every cache key of the pictures it makes.
    virtual QString engineVersion() const = 0;
    /// A new job (not started), owned by `parent`. An empty spec.model means info().defaultModel.
    virtual ValueJob<GeneratedImage> *generate(const GeneratedImageSpec &spec, QObject *parent) = 0;
    /// A new job (not started) that makes one cheap authenticated call (no picture, no cost) and
    /// finishes with a sentence for the settings page ("The key works: …"), or an error saying
    /// what is wrong. `key`: the key to try; empty: the stored one (environment or keychain).
    virtual ValueJob<QString> *testAccess(const QString &key, QObject *parent) = 0;
};

} // namespace diy
