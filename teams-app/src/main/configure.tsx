import { start } from '../start.tsx';

start('configure');
