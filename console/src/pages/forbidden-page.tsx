import { MessagePage } from './message-page';

export default function ForbiddenPage() {
  return <MessagePage title="forbidden.title" />;
}
