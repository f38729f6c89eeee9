#pragma once

#include <QString>

#include <optional>

namespace diy {

/// List prices of AI pictures, in one place: USD per picture by provider, model and (where the
/// price depends on it) size and quality. Sources are noted in the table. The editable price
/// table the estimate uses may override these; this is what a run records when it has nothing else.
class ImagePriceTable {
public:
    /// The list price of one picture, or nothing when the model is not in the table (a local
    /// server, a new model): the run then records cost 0 and says the price is unknown.
    /// `size` ("1024x1536") and `quality` ("medium") matter for OpenAI models only; empty: any.
    static std::optional<double> perPicture(const QString &provider, const QString &model, const QString &size = {},
                                            const QString &quality = {});
};

} // namespace diy
