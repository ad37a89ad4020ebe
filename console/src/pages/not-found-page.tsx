import { MessagePage } from './message-page';

export default function NotFoundPage() {
  return <MessagePage title="notFound.title" />;
}
