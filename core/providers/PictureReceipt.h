#pragma once

#include "providers/GeneratedImageSpec.h"
#include "util/Result.h"

#include <optional>

namespace diy {

/// What was paid for, kept beside the pictures: <outputDir>/receipts/<spec key>.json names the
/// picture a spec produced (file, hash, provider, model, prompt, cost, time). A job that finds an
/// intact receipt (the picture exists with that hash) finishes with it at once, so a run killed
/// after a picture arrived but before the project was saved never pays for it again.
/// Pure functions, safe on a pool thread.
class PictureReceipt {
public:
    static QString pathFor(const QString &outputDir, const QString &key);
    /// The picture of an earlier run for `key`, when its receipt and its file are intact.
    static std::optional<GeneratedImage> find(const QString &outputDir, const QString &key);
    /// Writes the receipt of `image` (atomically).
    static Status write(const QString &outputDir, const GeneratedImage &image, const GeneratedImageSpec &spec);
};

} // namespace diy
