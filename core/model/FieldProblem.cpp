#include "model/FieldProblem.h"

namespace diy {

QStringList problemLines(const FieldProblems &problems)
{
    QStringList lines;
    for (const FieldProblem &p : problems)
        lines.append(p.path + QStringLiteral(": ") + p.message);
    return lines;
}

} // namespace diy
