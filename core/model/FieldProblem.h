#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace diy {

/// One problem found in a document, with the JSON path (RFC 6901 pointer, e.g. "/steps/2/title")
/// of the field it is about.
struct FieldProblem {
    QString path;
    QString message;

    bool operator==(const FieldProblem &) const = default;
};

using FieldProblems = QList<FieldProblem>;

/// "path: message" lines, one per problem (for error details and terminals).
QStringList problemLines(const FieldProblems &problems);

} // namespace diy
