'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleEvent } from '@/lib/views/types';

export interface NotificationSettings {
  sound: boolean;
  desktop: boolean;
}

const DEFAULTS: NotificationSettings = { sound: true, desktop: false };
const storageKey = (agentId: string) => `console:notifications:${agentId}`;

/** Each rep's choice, kept in this browser under their own key. */
export function useNotificationSettings(agentId: string): [NotificationSettings, (next: NotificationSettings) => void] {
  const [settings, setSettings] = useState<NotificationSettings>(DEFAULTS);
  useEffect(() => {
    try {
      const stored = localStorage.getItem(storageKey(agentId));
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after mount
      if (stored) setSettings({ ...DEFAULTS, ...(JSON.parse(stored) as Partial<NotificationSettings>) });
    } catch {
      // unreadable: keep the defaults
    }
  }, [agentId]);
  const update = useCallback(
    (next: NotificationSettings) => {
      setSettings(next);
      localStorage.setItem(storageKey(agentId), JSON.stringify(next));
    },
    [agentId],
  );
  return [settings, update];
}

type NotificationKey = 'newConversation' | 'transferFrom' | 'consultFrom' | 'aColleague' | 'attachment';
export type Translate = (key: NotificationKey, values?: Record<string, string>) => string;

/** What deserves the rep's attention: an offer or request for them, a customer writing to them. */
export function attentionFor(event: ConsoleEvent, agentId: string, t: Translate): { title: string; body: string; tag: string } | null {
  if (event.type === 'offer.updated') {
    const { offer } = event;
    if (offer.agentId !== agentId || offer.state !== 'pending') return null;
    const name = offer.fromName ?? t('aColleague');
    const title = { route: t('newConversation'), transfer: t('transferFrom', { name }), consult: t('consultFrom', { name }) }[offer.kind];
    return { title, body: offer.customerName, tag: offer.id };
  }
  if (event.type === 'activity.created') {
    const { activity, conversation } = event;
    if (activity.author !== 'customer' || activity.type !== 'message') return null;
    const mine = conversation.ownerId === agentId || conversation.consultants.some((c) => c.agentId === agentId);
    if (!mine) return null;
    return { title: conversation.customerName, body: activity.text ?? t('attachment'), tag: conversation.id };
  }
  return null;
}

function beep() {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.15, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.2);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.2);
  oscillator.onended = () => void context.close();
}

/** A sound and/or a desktop notification, only while the console tab is in the background. */
export function useBackgroundAlerts(agentId: string, settings: NotificationSettings) {
  const t = useTranslations('notifications');
  return useCallback(
    (event: ConsoleEvent) => {
      if (document.visibilityState === 'visible' && document.hasFocus()) return;
      const attention = attentionFor(event, agentId, t);
      if (!attention) return;
      if (settings.sound) beep();
      if (settings.desktop && 'Notification' in window && Notification.permission === 'granted') {
        new Notification(attention.title, { body: attention.body, tag: attention.tag });
      }
    },
    [agentId, settings, t],
  );
}
