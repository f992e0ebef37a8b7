import Link from 'next/link';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { LanguageSelect } from '@/components/ui/language-select';

/** The heading row of the staff pages (/supervisor, /reports, /admin): title, settings and links elsewhere. */
export function StaffPageHeader({ title, links, language = true }: { title: string; links: { href: string; label: string }[]; language?: boolean }) {
  return (
    <header className="flex items-center justify-between">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div className="flex items-center gap-3">
        {language && <LanguageSelect />}
        <ThemeToggle />
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-sm underline">
            {link.label}
          </Link>
        ))}
      </div>
    </header>
  );
}
