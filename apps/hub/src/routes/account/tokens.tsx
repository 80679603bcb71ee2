import type { ApiToken } from '@lakou/domain/identity';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type CreatedApiToken,
  createToken,
  identityKeys,
  revokeToken,
  tokensQuery,
} from '../../api/identity.ts';
import { problemMessage } from '../../auth/authErrors.ts';
import { requireSignedIn } from '../../auth/guard.ts';
import { RouterLink } from '../../components/RouterLink.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatInstant } from '../../lib/format.ts';

export const Route = createFileRoute('/account/tokens')({
  beforeLoad: requireSignedIn,
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(tokensQuery()),
  component: TokensPage,
});

const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

function TokensPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery());
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  useDocumentTitle(t('tokens.title'));

  return (
    <div className="hub-page">
      <p className="hub-back">
        <RouterLink to="/account">
          <span aria-hidden="true">← </span>
          {t('tokens.back')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('tokens.title')}</h1>
        <p className="hub-page__lead">{t('tokens.lead')}</p>
      </header>

      {created ? (
        <NewTokenSecret token={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateToken onCreated={setCreated} />
      )}

      <section className="hub-stack" aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title" className="hub-section-title">
          {t('tokens.tableLabel')}
        </h2>
        {tokens.isError && !tokens.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={t('tokens.error')}
            retryLabel={t('errors.retry')}
            onRetry={() => void tokens.refetch()}
          />
        ) : (
          <TokensTable tokens={tokens.data?.items ?? []} isLoading={tokens.isPending} />
        )}
      </section>
    </div>
  );
}

function CreateToken({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const [readOnly, setReadOnly] = useState(true);
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: identityKeys.tokens });
      onCreated(token);
    },
  });

  const expiryLabel = (choice: ExpiryChoice) =>
    choice === 'never'
      ? t('tokens.expiryNever')
      : choice === '365'
        ? t('tokens.expiryYear')
        : t('tokens.expiryDays', { count: Number(choice) });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    create.mutate({
      name,
      readOnly,
      expiresInDays: expiry === 'never' ? null : Number(expiry),
    });
  };

  return (
    <Card title={t('tokens.create')}>
      {create.isError ? (
        <ErrorState
          title={t('tokens.failed')}
          detail={problemMessage(create.error, t('tokens.failed'), language)}
        />
      ) : null}
      <Form className="hub-form" onSubmit={onSubmit}>
        <TextField
          name="name"
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          isRequired
          maxLength={80}
          validate={(value) => (value.trim().length < 2 ? t('tokens.nameTooShort') : null)}
        />
        <Checkbox
          label={t('tokens.readOnly')}
          description={t('tokens.readOnlyHint')}
          isSelected={readOnly}
          onChange={setReadOnly}
        />
        <SelectField
          label={t('tokens.expiry')}
          options={EXPIRY_CHOICES.map((choice) => ({ id: choice, label: expiryLabel(choice) }))}
          value={expiry}
          onChange={(key) => {
            const choice = EXPIRY_CHOICES.find((c) => c === key);
            if (choice) setExpiry(choice);
          }}
        />
        {expiry === 'never' ? (
          <p className="hub-warning" role="status">
            {t('tokens.neverWarning')}
          </p>
        ) : null}
        <div className="hub-form__actions">
          <Button type="submit" isPending={create.isPending} pendingLabel={t('tokens.pending')}>
            {t('tokens.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** The secret, shown once, with a copy button; focus goes to its heading so it is noticed. */
function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      toast.success(t('tokens.copied'));
    } catch {
      inputRef.current?.select();
      toast.error(t('tokens.copyFailed'));
    }
  };

  return (
    <section className="lk-card hub-secret" aria-labelledby="new-token-title">
      <h2 id="new-token-title" ref={headingRef} tabIndex={-1} className="lk-card__title">
        {t('tokens.secretTitle', { name: token.name })}
      </h2>
      <p className="hub-warning">{t('tokens.secretWarning')}</p>
      <div className="hub-secret__row">
        <label className="lk-field hub-secret__field">
          <span className="lk-field__label">{t('tokens.secretLabel')}</span>
          <input
            ref={inputRef}
            className="lk-field__input hub-secret__value"
            readOnly
            value={token.token}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <Button onPress={() => void copy()}>{t('tokens.copy')}</Button>
      </div>
      <div>
        <Button variant="secondary" onPress={onDone}>
          {t('tokens.secretDone')}
        </Button>
      </div>
    </section>
  );
}

function tokenStatus(token: ApiToken, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

function TokensTable({ tokens, isLoading }: { tokens: ApiToken[]; isLoading: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const now = Date.now();
  const date = (iso: string) => formatInstant(iso, locale, 'date');

  const columns: DataTableColumn<ApiToken>[] = [
    {
      id: 'name',
      header: t('tokens.columns.name'),
      isRowHeader: true,
      cell: (tk) => <span className="hub-cell-wrap">{tk.name}</span>,
    },
    {
      id: 'prefix',
      header: t('tokens.columns.prefix'),
      cell: (tk) => <code className="hub-code">{tk.prefix}…</code>,
    },
    {
      id: 'access',
      header: t('tokens.columns.access'),
      cell: (tk) => (tk.readOnly ? t('tokens.readOnlyValue') : t('tokens.readWrite')),
    },
    { id: 'created', header: t('tokens.columns.created'), cell: (tk) => date(tk.createdAt) },
    {
      id: 'expires',
      header: t('tokens.columns.expires'),
      cell: (tk) => (tk.expiresAt ? date(tk.expiresAt) : t('tokens.neverExpires')),
    },
    {
      id: 'lastUsed',
      header: t('tokens.columns.lastUsed'),
      cell: (tk) => (tk.lastUsedAt ? formatInstant(tk.lastUsedAt, locale) : t('tokens.neverUsed')),
    },
    {
      id: 'status',
      header: t('tokens.columns.status'),
      cell: (tk) => {
        const status = tokenStatus(tk, now);
        return status === 'revoked' ? (
          <Badge tone="neutral">{t('tokens.revokedOn', { date: date(tk.revokedAt ?? '') })}</Badge>
        ) : status === 'expired' ? (
          <Badge tone="warning">{t('tokens.expired')}</Badge>
        ) : (
          <Badge tone="success">{t('tokens.active')}</Badge>
        );
      },
    },
    {
      id: 'actions',
      header: t('tokens.columns.actions'),
      cell: (tk) =>
        tk.revokedAt ? null : (
          <Button
            variant="secondary"
            size="small"
            aria-label={t('tokens.revokeLabel', { name: tk.name })}
            onPress={() => setRevoking(tk)}
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      {tokens.length > 0 ? (
        <p className="hub-results">{t('tokens.count', { count: tokens.length })}</p>
      ) : null}
      <DataTable
        label={t('tokens.tableLabel')}
        columns={columns}
        rows={tokens}
        getRowId={(tk) => tk.id}
        isLoading={isLoading}
        loadingLabel={t('tokens.loading')}
        emptyState={<EmptyState title={t('tokens.empty')} description={t('tokens.emptyHint')} />}
      />
      <RevokeToken token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeToken({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  // Keep the last token while the dialog animates out.
  const [shown, setShown] = useState<ApiToken | null>(token);
  if (token && token !== shown) setShown(token);

  const revoke = async () => {
    if (!token) return;
    try {
      await revokeToken(token.id);
    } catch (failure) {
      toast.error(problemMessage(failure, t('tokens.revokeFailed'), language));
      throw failure;
    }
    await queryClient.invalidateQueries({ queryKey: identityKeys.tokens });
    toast.success(t('tokens.revoked', { name: token.name }));
  };

  return (
    <ConfirmDialog
      isOpen={token !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('tokens.confirmTitle', { name: shown?.name ?? '' })}
      confirmLabel={t('tokens.revoke')}
      cancelLabel={t('app.cancel')}
      pendingLabel={t('tokens.revoking')}
      isDestructive
      onConfirm={revoke}
    >
      <p>{t('tokens.confirmBody')}</p>
    </ConfirmDialog>
  );
}
