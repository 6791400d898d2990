import type { User } from '../api.ts';
import { formatDateTime } from '../components/format.ts';
import { Tag } from '../components/ui.tsx';

export function ActiveTag({ active }: { active: boolean }) {
  return active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Inactive</Tag>;
}

/** Whether the server has locked the account after failed sign-ins, as of now. */
export function lockedUntil(user: User): string | null {
  return user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? user.lockedUntil : null;
}

export function UserStatusTags({ user }: { user: User }) {
  const locked = lockedUntil(user);
  return (
    <span className="lantern-tags">
      {user.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Disabled</Tag>}
      {locked && <Tag colour="orange">Locked until {formatDateTime(locked)}</Tag>}
    </span>
  );
}
