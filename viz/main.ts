/** Entry point of the browser app. */
import './style.css';
import { startApp } from './app';

startApp(document.getElementById('app')!);
