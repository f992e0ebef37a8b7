'use client';

import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * Message text as sanitised markdown. HTML in it is shown as the text it is (every `<` becomes an
 * entity before parsing), and rehype-sanitize keeps only safe elements and URLs: no customer text
 * can run script here.
 */
export function MessageText({ text, markdown }: { text: string; markdown: boolean }) {
  if (!markdown) return <span className="whitespace-pre-wrap">{text}</span>;
  return (
    <span className="markdown [&_a]:underline [&_code]:rounded [&_code]:bg-black/10 dark:[&_code]:bg-white/10 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:whitespace-pre-wrap [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
        }}
      >
        {text.replaceAll('<', '&lt;')}
      </ReactMarkdown>
    </span>
  );
}
