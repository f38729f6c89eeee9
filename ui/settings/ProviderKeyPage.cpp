#include "settings/ProviderKeyPage.h"

#include "common/InlineMessage.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImageGenerator.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

ProviderKeyPage::ProviderKeyPage(ApiKeyStore *keys, ImageGenerator *generator, QWidget *parent)
    : QWidget(parent), m_keys(keys), m_generator(generator), m_status(new QLabel(this)), m_key(new QLineEdit(this)),
      m_save(new QPushButton(tr("Save in keychain"), this)), m_forget(new QPushButton(tr("Forget"), this)),
      m_test(new QPushButton(tr("Test"), this)), m_result(new InlineMessage(this))
{
    const ProviderInfo info = generator->info();
    m_id = info.id;
    m_keyName = info.keyName;
    setObjectName(m_id + QStringLiteral("ProviderPage"));

    auto *about = new QLabel(tr("%1 draws the scene pictures (model %2, list price about $%3 a picture). "
                                "The key is kept in the system keychain or read from %4; it is never written to "
                                "settings, projects or logs.")
                                 .arg(info.displayName, info.defaultModel)
                                 .arg(info.costPerUnit, 0, 'f', 3)
                                 .arg(m_keyName),
                             this);
    about->setWordWrap(true);

    m_status->setObjectName(m_id + QStringLiteral("KeyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_key->setObjectName(m_id + QStringLiteral("KeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste a new key"));
    m_key->setAccessibleName(tr("%1 API key").arg(info.displayName));
    m_key->setClearButtonEnabled(true);
    m_save->setObjectName(m_id + QStringLiteral("SaveKeyButton"));
    m_forget->setObjectName(m_id + QStringLiteral("ForgetKeyButton"));
    m_test->setObjectName(m_id + QStringLiteral("TestButton"));
    m_test->setToolTip(tr("Makes one free, authenticated call (no picture) with the key in the field, or the stored one."));
    m_result->setObjectName(m_id + QStringLiteral("TestResult"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_forget);
    buttons->addStretch();
    buttons->addWidget(m_test);

    auto *form = new QFormLayout;
    form->addRow(tr("Key:"), m_status);
    form->addRow(tr("&New key:"), m_key);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addStretch();

    m_save->setEnabled(false);
    connect(m_key, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_save->setEnabled(!isBusy() && !text.trimmed().isEmpty()); });
    connect(m_save, &QPushButton::clicked, this, &ProviderKeyPage::onSaveClicked);
    connect(m_forget, &QPushButton::clicked, this, &ProviderKeyPage::onForgetClicked);
    connect(m_test, &QPushButton::clicked, this, &ProviderKeyPage::onTestClicked);
}

ProviderKeyPage::~ProviderKeyPage()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

QString ProviderKeyPage::title() const
{
    return m_generator->info().displayName;
}

void ProviderKeyPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!isBusy())
        refresh();
}

void ProviderKeyPage::setBusy(bool busy)
{
    m_save->setEnabled(!busy && !m_key->text().trimmed().isEmpty());
    m_forget->setEnabled(!busy);
    m_test->setEnabled(!busy);
}

void ProviderKeyPage::run(Job *job, std::function<void(Job *)> done)
{
    m_job = job;
    setBusy(true);
    connect(job, &Job::finished, this, [this, job, done = std::move(done)] {
        m_job = nullptr;
        job->deleteLater();
        setBusy(false);
        done(job);
        emit actionFinished();
    });
    job->start();
}

void ProviderKeyPage::refresh()
{
    if (!m_keys || isBusy())
        return;
    m_status->setText(tr("Checking…"));
    run(m_keys->read(m_keyName, this), [this](Job *job) {
        const auto key = static_cast<ValueJob<ApiKey> *>(job)->result();
        if (key) {
            m_status->setText(key->source == ApiKey::Source::Environment
                                  ? tr("Read from the environment variable %1 (it wins over the keychain).").arg(m_keyName)
                                  : tr("Stored in the system keychain."));
            m_forget->setEnabled(key->source == ApiKey::Source::Keychain);
            return;
        }
        m_status->setText(key.error().message);
        m_forget->setEnabled(false);
    });
}

void ProviderKeyPage::onSaveClicked()
{
    const QString value = m_key->text().trimmed();
    if (!m_keys || value.isEmpty() || isBusy())
        return;
    m_result->clear();
    run(m_keys->store(m_keyName, value, this), [this](Job *job) {
        if (!job->status()) {
            m_result->showError(job->status().error());
            return;
        }
        m_key->clear();
        m_result->showMessage(InlineMessage::Level::Success, tr("The key is stored in the system keychain."));
        refresh();
    });
}

void ProviderKeyPage::onForgetClicked()
{
    if (!m_keys || isBusy())
        return;
    m_result->clear();
    run(m_keys->remove(m_keyName, this), [this](Job *job) {
        if (!job->status()) {
            m_result->showError(job->status().error());
            return;
        }
        m_result->showMessage(InlineMessage::Level::Info, tr("The key was removed from the system keychain."));
        refresh();
    });
}

void ProviderKeyPage::onTestClicked()
{
    if (isBusy())
        return;
    m_result->showMessage(InlineMessage::Level::Info, tr("Testing…"));
    run(m_generator->testAccess(m_key->text().trimmed(), this), [this](Job *job) {
        const auto answer = static_cast<ValueJob<QString> *>(job)->result();
        if (answer)
            m_result->showMessage(InlineMessage::Level::Success, *answer);
        else
            m_result->showError(answer.error());
    });
}

} // namespace diy::ui
