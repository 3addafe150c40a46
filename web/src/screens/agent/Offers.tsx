// Incoming offers: queue, countdown (bar and seconds) and Accept / Reject.
// The newest offer's Accept button takes the focus when it appears, so the
// agent can accept with Enter alone.
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import type { Desk } from './desk';
import type { Offer } from './model';
import type { QueueDef } from './support';
import { nameOf } from './support';
import { offerClock } from './timers';

function OfferCard({ desk, offer, now, queue, focus }: { desk: Desk; offer: Offer; now: number; queue?: QueueDef; focus: boolean }) {
  const accept = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) accept.current?.focus();
  }, [focus, offer.contact]);
  const locale = getLocale();
  const clock = offerClock(offer, now);
  const titleId = `offer-${offer.contact}-title`;
  return (
    <article class={`agent-offer${clock.urgent ? ' urgent' : ''}`} aria-labelledby={titleId} data-offer={offer.contact}>
      <h3 id={titleId}>{t('agent.offer.title', { queue: nameOf(queue?.name, locale, offer.queue) })}</h3>
      <p class="muted">
        <bdi>{offer.contact}</bdi>
      </p>
      {clock.left !== null && (
        <>
          <div class="agent-bar" role="progressbar" aria-label={t('agent.offer.timeLeft')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((1 - clock.used) * 100)}>
            <span style={{ inlineSize: `${Math.round((1 - clock.used) * 100)}%` }} />
          </div>
          <p class="agent-countdown" data-testid="offer-countdown">
            {t('agent.offer.seconds', { n: formatNumber(clock.left, locale) })}
          </p>
        </>
      )}
      <div class="agent-row">
        <button type="button" class="primary" ref={accept} onClick={() => void desk.accept(offer.contact)}>
          {t('agent.offer.accept')}
        </button>
        <button type="button" onClick={() => void desk.reject(offer.contact)}>
          {t('agent.offer.reject')}
        </button>
      </div>
    </article>
  );
}

export function Offers({ desk, offers, now, queues }: { desk: Desk; offers: Offer[]; now: number; queues: QueueDef[] }) {
  if (!offers.length) return null;
  return (
    <section class="agent-offers" aria-labelledby="agent-offers-title" aria-live="assertive">
      <h2 id="agent-offers-title">{t('agent.offers.title')}</h2>
      {offers.map((o, i) => (
        <OfferCard key={o.contact} desk={desk} offer={o} now={now} queue={queues.find((q) => q.id === o.queue)} focus={i === offers.length - 1} />
      ))}
    </section>
  );
}
