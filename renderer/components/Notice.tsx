import type { ReactNode } from 'react';

interface NoticeProps {
  tone?: 'info' | 'warning' | 'danger';
  /** 'alert' interrupts a screen reader; use it only for what just went wrong. */
  role?: 'alert' | 'status';
  children: ReactNode;
  testId?: string;
}

export function Notice({ tone = 'info', role = 'status', children, testId }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={role} data-testid={testId}>
      {children}
    </div>
  );
}
