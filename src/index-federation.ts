// Module Federation boundary: the async import lets the shared singletons negotiate before any panel code runs.
import('./bootstrap');
