#include "model/DefaultVoice.h"

#include <QRegularExpression>

namespace diy {

QString DefaultVoice::resolve(const QString &configured)
{
    const QString voice = configured.trimmed();
    return isValid(voice) ? voice : builtIn();
}

bool DefaultVoice::isValid(const QString &voice)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_+\\-]{2,40}$"));
    return re.match(voice).hasMatch();
}

} // namespace diy
