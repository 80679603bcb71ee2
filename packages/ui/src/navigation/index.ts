export { Navigation, type NavigationProps } from './Navigation.tsx';
export { NavLink, type NavLinkProps } from './NavLink.tsx';
